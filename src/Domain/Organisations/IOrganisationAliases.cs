namespace Thirty3.Domain.Organisations;

/// <summary>
/// Which directory id an organisation identifier already stands for: learned from notices that name
/// an organisation by several identifiers at once (a PPON beside a Companies House number), so a
/// later notice naming it by only one of them joins the same organisation.
/// </summary>
public interface IOrganisationAliases
{
    /// <summary>The directory id <paramref name="identifier"/> (scheme-prefixed, e.g. GB-PPON-PXXX-0000-XXXX) stands for, or null.</summary>
    string? Find(string identifier);
}

/// <summary>Aliases held in memory: a batch's, read from the store before it is compiled.</summary>
public sealed class OrganisationAliasMap(IReadOnlyDictionary<string, string> aliases) : IOrganisationAliases
{
    public static readonly OrganisationAliasMap Empty = new(new Dictionary<string, string>());

    public string? Find(string identifier) => aliases.GetValueOrDefault(identifier);

    public int Count => aliases.Count;
}
