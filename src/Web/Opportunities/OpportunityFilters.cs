using System.Globalization;
using Thirty3.Domain.Opportunities;
using Thirty3.Web.Shared;

namespace Thirty3.Web.Opportunities;

/// <summary>
/// The opportunities search as the site's URLs spell it (<c>/opportunities?q=…&amp;stage=tender</c>),
/// read once and shared by the page, its Atom feed and its CSV download.
/// </summary>
public sealed record OpportunityFilters
{
    /// <summary>The query keys that describe a search; anything else (page, cursor) is paging state.</summary>
    public static readonly IReadOnlyList<string> SearchKeys =
        ["q", "stage", "status", "cpv", "buyer", "region", "place", "noticeType", "legalBasis", "technique", "threshold", "specialRegime", "framework", "minValue", "maxValue", "deadlineFrom", "deadlineTo", "sme", "vcse", "open", "sort"];

    public const int PageSize = 20;

    public string? Q { get; init; }
    public IReadOnlyList<string> Stage { get; init; } = [];
    public IReadOnlyList<string> Status { get; init; } = [];
    public IReadOnlyList<string> Cpv { get; init; } = [];
    public IReadOnlyList<string> Buyer { get; init; } = [];
    public IReadOnlyList<string> Region { get; init; } = [];
    public IReadOnlyList<string> NoticeType { get; init; } = [];
    /// <summary>NUTS or ITL codes of delivery places.</summary>
    public IReadOnlyList<string> Place { get; init; } = [];
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public IReadOnlyList<string> Technique { get; init; } = [];
    public IReadOnlyList<string> SpecialRegime { get; init; } = [];
    public string? Threshold { get; init; }
    /// <summary>The call-offs of this framework.</summary>
    public string? Framework { get; init; }
    public decimal? MinValue { get; init; }
    public decimal? MaxValue { get; init; }
    public DateOnly? DeadlineFrom { get; init; }
    public DateOnly? DeadlineTo { get; init; }
    public bool Sme { get; init; }
    public bool Vcse { get; init; }
    public bool Open { get; init; }
    public string? Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>Fields whose text could not be read, for the page to say so.</summary>
    public IReadOnlyList<string> Invalid { get; init; } = [];

    /// <summary>The search as the current URL has it (empty values dropped).</summary>
    public QueryStringBuilder Query { get; init; } = QueryStringBuilder.Empty;

    public bool HasFilters =>
        Stage.Count + Status.Count + Cpv.Count + Buyer.Count + Region.Count + NoticeType.Count + Place.Count + LegalBasis.Count + Technique.Count + SpecialRegime.Count > 0
        || Threshold is not null || Framework is not null
        || MinValue is not null || MaxValue is not null || DeadlineFrom is not null || DeadlineTo is not null
        || Sme || Vcse || Open;

    public static OpportunityFilters From(IQueryCollection query)
    {
        var invalid = new List<string>();
        var q = query["q"].ToString().Trim();
        var sort = query["sort"].ToString();
        return new OpportunityFilters
        {
            Q = q.Length == 0 ? null : q[..Math.Min(q.Length, 200)],
            Stage = Many(query, "stage"),
            Status = Many(query, "status"),
            Cpv = Many(query, "cpv"),
            Buyer = Many(query, "buyer"),
            Region = Many(query, "region"),
            NoticeType = Many(query, "noticeType"),
            Place = Many(query, "place"),
            LegalBasis = Many(query, "legalBasis"),
            Technique = Many(query, "technique"),
            SpecialRegime = Many(query, "specialRegime"),
            Threshold = Many(query, "threshold").FirstOrDefault(),
            Framework = Many(query, "framework").FirstOrDefault(),
            MinValue = Money(query, "minValue", invalid),
            MaxValue = Money(query, "maxValue", invalid),
            DeadlineFrom = Date(query, "deadlineFrom", invalid),
            DeadlineTo = Date(query, "deadlineTo", invalid),
            Sme = Flag(query, "sme"),
            Vcse = Flag(query, "vcse"),
            Open = Flag(query, "open"),
            Sort = OpportunitySorts.All.Contains(sort) ? sort : null,
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is > 0 and <= 500 ? page : 1,
            Invalid = invalid,
            Query = QueryStringBuilder.From(query).Only(SearchKeys),
        };
    }

    /// <summary>The API query for this search; <paramref name="cursor"/> replaces the page number.</summary>
    public OpportunitySearchQuery ToApiQuery(int pageSize = PageSize, string? cursor = null, string? defaultSort = null) => new()
    {
        Q = Q,
        Stage = Arr(Stage),
        Status = Arr(Status),
        Cpv = Arr(Cpv),
        Buyer = Arr(Buyer),
        Region = Arr(Region),
        NoticeType = Arr(NoticeType),
        Place = Arr(Place),
        LegalBasis = Arr(LegalBasis),
        Technique = Arr(Technique),
        SpecialRegime = Arr(SpecialRegime),
        Threshold = Threshold,
        Framework = Framework,
        MinValue = MinValue,
        MaxValue = MaxValue,
        DeadlineFrom = DeadlineFrom is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        DeadlineTo = DeadlineTo is { } to ? new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null,
        Sme = Sme ? true : null,
        Vcse = Vcse ? true : null,
        Open = Open ? true : null,
        Sort = Sort ?? defaultSort,
        Page = cursor is null ? Page : null,
        PageSize = pageSize,
        Cursor = cursor,
    };

    private static string[]? Arr(IReadOnlyList<string> values) => values.Count == 0 ? null : [.. values];

    private static List<string> Many(IQueryCollection query, string key) =>
        query[key].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().Take(50).ToList();

    private static bool Flag(IQueryCollection query, string key) =>
        query[key].Any(v => v is "true" or "on" or "yes" or "1");

    private static decimal? Money(IQueryCollection query, string key, List<string> invalid)
    {
        var text = query[key].ToString().Replace(",", "", StringComparison.Ordinal).Replace("£", "", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        invalid.Add(key);
        return null;
    }

    private static DateOnly? Date(IQueryCollection query, string key, List<string> invalid)
    {
        var text = query[key].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }
        invalid.Add(key);
        return null;
    }
}
