namespace Thirty3.Domain.Opportunities;

/// <summary>How a process buys beyond a single contract (OCDS techniques extension, with the UK extension's open frameworks).</summary>
public static class Techniques
{
    public const string Framework = "framework";
    /// <summary>An open framework (Procurement Act s.49): a scheme of frameworks reopened to new suppliers.</summary>
    public const string OpenFramework = "openFramework";
    /// <summary>A dynamic market (Procurement Act s.34; a dynamic purchasing system before it).</summary>
    public const string DynamicMarket = "dynamicMarket";

    public static readonly IReadOnlyList<string> All = [Framework, OpenFramework, DynamicMarket];

    public static string Name(string technique) => technique switch
    {
        Framework => "Framework",
        OpenFramework => "Open framework",
        DynamicMarket => "Dynamic market",
        _ => technique,
    };
}

/// <summary>The framework or dynamic market a process establishes.</summary>
/// <param name="Technique">framework, openFramework or dynamicMarket.</param>
/// <param name="Type">open (any buyer may use it) or closed (only the buyers named), as sent.</param>
/// <param name="SchemeEnd">When the last framework of an open framework scheme ends.</param>
/// <param name="AdmitsSuppliers">Whether a dynamic market still admits suppliers: established and not ceased (UK15) or otherwise ended.</param>
/// <param name="AdmitsUntil">Until when it admits them, where the notice says.</param>
public sealed record FrameworkSummary(string Technique, string? Type, DateTimeOffset? SchemeEnd, bool AdmitsSuppliers, DateTimeOffset? AdmitsUntil);

/// <summary>Another process this one names (OCDS relatedProcesses): for a call-off, the framework it calls off.</summary>
/// <param name="Relationship">framework, parent, prior, … as sent.</param>
public sealed record RelatedProcessRef(string? Ocid, string Relationship, string? Title);
