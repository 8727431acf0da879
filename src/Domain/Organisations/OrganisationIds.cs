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
    public static OrganisationRef Resolve(JsonObject? reference, JsonObject? party)
    {
        var name = ReleaseNormaliser.AsString(party?["name"]) ?? ReleaseNormaliser.AsString(reference?["name"]) ?? ReleaseNormaliser.AsString(party?["identifier"]?["legalName"]) ?? "(unnamed)";
        name = name.Trim();
        var scale = ReleaseNormaliser.AsString(party?["details"]?["scale"]);

        var council = LondonBoroughs.FindByName(name) ?? LondonBoroughs.FindByGss(GssFromIdentifier(party?["identifier"] as JsonObject));
        if (council is not null)
        {
            return new OrganisationRef(council.OrganisationId, council.OfficialName, council.GssCode, scale);
        }

        var identifier = party?["identifier"] as JsonObject ?? reference?["identifier"] as JsonObject;
        var scheme = ReleaseNormaliser.AsString(identifier?["scheme"])?.Trim();
        var idValue = ReleaseNormaliser.AsString(identifier?["id"])?.Trim();
        if (!string.IsNullOrEmpty(scheme) && !string.IsNullOrEmpty(idValue))
        {
            return new OrganisationRef(Canonical(scheme, idValue), name, null, scale);
        }

        var partyId = ReleaseNormaliser.AsString(party?["id"]) ?? ReleaseNormaliser.AsString(reference?["id"]);
        if (partyId is not null && LooksSchemePrefixed(partyId))
        {
            return new OrganisationRef(partyId.Trim(), name, null, scale);
        }
        return new OrganisationRef(NameId(name), name, null, scale);
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

    private static string? GssFromIdentifier(JsonObject? identifier)
    {
        var scheme = ReleaseNormaliser.AsString(identifier?["scheme"]);
        return scheme is not null && scheme.Contains("GSS", StringComparison.OrdinalIgnoreCase) ? ReleaseNormaliser.AsString(identifier?["id"]) : null;
    }
}
