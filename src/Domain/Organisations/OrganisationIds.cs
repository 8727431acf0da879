using System.Text;
using System.Text.Json.Nodes;
using Thirty3.Domain.Ocds;
using Thirty3.Domain.Opportunities;

namespace Thirty3.Domain.Organisations;

/// <summary>
/// Resolves an OCDS party to the directory's organisation id, by identifier rather than by name
/// where the notice allows: a known council → <c>GB-GSS-…</c>; an identifier with a scheme →
/// <c>SCHEME-id</c> (e.g. <c>GB-COH-01234567</c>); a party id that is already scheme-prefixed →
/// itself; otherwise (local ids like <c>org-1</c> that mean nothing outside their release) a
/// normalised name.
/// </summary>
public static class OrganisationIds
{
    public static OrganisationRef Resolve(JsonObject? reference, JsonObject? party) => Resolve(reference, party, null);

    /// <param name="aliases">Identifiers already known to stand for a directory id: the first of the party's identifiers found there decides.</param>
    public static OrganisationRef Resolve(JsonObject? reference, JsonObject? party, IOrganisationAliases? aliases)
    {
        var name = ReleaseNormaliser.AsString(party?["name"]) ?? ReleaseNormaliser.AsString(reference?["name"]) ?? ReleaseNormaliser.AsString(party?["identifier"]?["legalName"]) ?? "(unnamed)";
        name = name.Trim();
        var scale = ReleaseNormaliser.AsString(party?["details"]?["scale"]);
        var identifiers = Identifiers(reference, party).ToList();

        var council = LondonBoroughs.FindByName(name)
            ?? identifiers.Where(i => i.Scheme.Contains("GSS", StringComparison.OrdinalIgnoreCase)).Select(i => LondonBoroughs.FindByGss(i.Id)).FirstOrDefault(c => c is not null);
        if (council is not null)
        {
            return new OrganisationRef(council.OrganisationId, council.OfficialName, council.GssCode, scale);
        }

        if (aliases is not null)
        {
            foreach (var candidate in CandidateIds(reference, party))
            {
                if (aliases.Find(candidate) is { } known)
                {
                    return new OrganisationRef(known, name, null, scale);
                }
            }
        }

        // One organisation under every id it is published with: a register's number (Companies
        // House, the charity registers) is what other publishers know it by, so it wins over a PPON,
        // which wins over a platform's own id; otherwise the primary identifier, as before.
        var best = identifiers.Select((id, order) => (id, order)).OrderBy(x => Rank(x.id.Scheme)).ThenBy(x => x.order).Select(x => ((string Scheme, string Id)?)x.id).FirstOrDefault();
        if (best is { } chosen)
        {
            return new OrganisationRef(Canonical(chosen.Scheme, chosen.Id), name, null, scale);
        }

        var partyId = ReleaseNormaliser.AsString(party?["id"]) ?? ReleaseNormaliser.AsString(reference?["id"]);
        if (partyId is not null && LooksSchemePrefixed(partyId))
        {
            return new OrganisationRef(partyId.Trim(), name, null, scale);
        }
        return new OrganisationRef(NameId(name), name, null, scale);
    }

    /// <summary>
    /// Every directory-shaped id a party is published with, the preferred first: its identifier and
    /// additional identifiers (scheme-prefixed, Companies House numbers padded) and a scheme-prefixed party id.
    /// </summary>
    public static IReadOnlyList<string> CandidateIds(JsonObject? reference, JsonObject? party)
    {
        var ids = Identifiers(reference, party).Select((id, order) => (id, order))
            .OrderBy(x => Rank(x.id.Scheme)).ThenBy(x => x.order)
            .Select(x => Canonical(x.id.Scheme, x.id.Id))
            .ToList();
        var partyId = ReleaseNormaliser.AsString(party?["id"]) ?? ReleaseNormaliser.AsString(reference?["id"]);
        if (partyId is not null && LooksSchemePrefixed(partyId.Trim()) && !ids.Contains(partyId.Trim()))
        {
            ids.Add(partyId.Trim());
        }
        return ids;
    }

    private static readonly string[] RegisterSchemes = ["GB-COH", "GB-CHC", "GB-SC", "GB-NIC", "GB-EDU", "GB-NHS", "GB-UKPRN"];

    private static int Rank(string scheme) =>
        RegisterSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) ? 0
        : scheme.Equals("GB-PPON", StringComparison.OrdinalIgnoreCase) ? 1
        : 2;

    /// <summary>The identifier first, then <c>additionalIdentifiers</c> (UK extension: a PPON beside a Companies House number).</summary>
    private static IEnumerable<(string Scheme, string Id)> Identifiers(JsonObject? reference, JsonObject? party)
    {
        var primary = party?["identifier"] as JsonObject ?? reference?["identifier"] as JsonObject;
        var all = new[] { primary }.Concat((party?["additionalIdentifiers"] as JsonArray)?.OfType<JsonObject>() ?? []);
        foreach (var identifier in all)
        {
            var scheme = ReleaseNormaliser.AsString(identifier?["scheme"])?.Trim();
            var id = ReleaseNormaliser.AsString(identifier?["id"])?.Trim();
            if (!string.IsNullOrEmpty(scheme) && !string.IsNullOrEmpty(id))
            {
                yield return (scheme, id);
            }
        }
    }

    /// <summary>An id for an organisation known only by name.</summary>
    public static string NameId(string name)
    {
        var sb = new StringBuilder("NAME-");
        var lastDash = true;
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
                lastDash = false;
            }
            else if (!lastDash)
            {
                sb.Append('-');
                lastDash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    private static string Canonical(string scheme, string id)
    {
        // Companies House numbers are 8 characters; publishers drop the leading zeros.
        if (scheme.Equals("GB-COH", StringComparison.OrdinalIgnoreCase) && id.Length < 8 && id.All(char.IsAsciiDigit))
        {
            id = id.PadLeft(8, '0');
        }
        return $"{scheme.ToUpperInvariant()}-{id}";
    }

    private static bool LooksSchemePrefixed(string id)
    {
        // GB-COH-123, GB-CFS-18525, XI-..: two upper-case letters, a dash, a scheme word, a dash.
        var parts = id.Split('-', 3);
        return parts.Length == 3 && parts[0].Length == 2 && parts[0].All(char.IsAsciiLetterUpper) && parts[1].Length >= 2 && parts[2].Length > 0;
    }
}
