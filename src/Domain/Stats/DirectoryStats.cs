using Thirty3.Domain.Opportunities;

namespace Thirty3.Domain.Stats;

/// <summary>Headline counts for the home page, and what changed most recently.</summary>
public sealed record DirectoryStats(
    long OpenOpportunities,
    long Opportunities,
    int Boroughs,
    long Technologies,
    IReadOnlyList<OpportunitySummary> RecentlyUpdated);
