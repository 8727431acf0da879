namespace Thirty3.Domain.Opportunities;

/// <summary>A kind of notice as its publisher names it (<c>documents[].noticeType</c>), with what it means here.</summary>
/// <param name="Code">As sent: <c>UK4</c>.</param>
/// <param name="Name">In words, as Find a Tender names it.</param>
/// <param name="Stage">The stage of the process it announces.</param>
public sealed record NoticeType(string Code, string Name, string Stage)
{
    /// <summary>"UK6 Contract award notice".</summary>
    public string Label => $"{Code} {Name}";
}

/// <summary>
/// The notice types of the Procurement Act 2023 (UK1–UK17, published on Find a Tender since
/// 24 February 2025). A type the directory does not know is kept and shown as sent, never dropped.
/// </summary>
public static class NoticeTypes
{
    public static readonly IReadOnlyList<NoticeType> ProcurementAct =
    [
        new("UK1", "Pipeline notice", Stages.Planning),
        new("UK2", "Preliminary market engagement notice", Stages.Planning),
        new("UK3", "Planned procurement notice", Stages.Planning),
        new("UK4", "Tender notice", Stages.Tender),
        new("UK5", "Transparency notice", Stages.Tender),
        new("UK6", "Contract award notice", Stages.Award),
        new("UK7", "Contract details notice", Stages.Contract),
        new("UK8", "Payments compliance notice", Stages.Contract),
        new("UK9", "Contract performance notice", Stages.Contract),
        new("UK10", "Contract change notice", Stages.Contract),
        new("UK11", "Contract termination notice", Stages.Contract),
        new("UK12", "Procurement termination notice", Stages.Tender),
        new("UK13", "Dynamic market notice – establishment", Stages.Tender),
        new("UK14", "Dynamic market notice – modification", Stages.Tender),
        new("UK15", "Dynamic market notice – cessation", Stages.Tender),
        new("UK16", "Utilities dynamic market notice – establishment", Stages.Tender),
        new("UK17", "Utilities dynamic market notice – modification", Stages.Tender),
    ];

    private static readonly Dictionary<string, NoticeType> ByCode = ProcurementAct.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The known type of <paramref name="code"/>, or null (the caller keeps the code as sent).</summary>
    public static NoticeType? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var type) ? type : null;

    /// <summary>"UK4 Tender notice" for a known code; the code as sent otherwise.</summary>
    public static string Label(string code) => Find(code)?.Label ?? code;

    /// <summary>Whether the code is one of the Procurement Act's (UK1…UK17).</summary>
    public static bool IsProcurementAct(string? code) => Find(code) is not null;

    /// <summary>Dynamic market notices: the market admits suppliers from establishment until its cessation (UK15).</summary>
    public static bool IsDynamicMarket(string? code) => code?.ToUpperInvariant() is "UK13" or "UK14" or "UK16" or "UK17";

    public const string DynamicMarketCessation = "UK15";
    public const string ProcurementTermination = "UK12";
    public const string ContractTermination = "UK11";
}
