using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Thirty3.Web.Opportunities;

/// <summary>
/// Makes the directory's highlight fragments safe to render: only bare <c>&lt;mark&gt;</c> and
/// <c>&lt;/mark&gt;</c> survive; every other tag is dropped and all text is re-encoded, so notice
/// text (untrusted) can never become markup even if the API's encoding were wrong.
/// </summary>
public static partial class HighlightSanitiser
{
    [GeneratedRegex("</?[A-Za-z!][^>]*>?", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    public static string Sanitise(string? fragment)
    {
        if (string.IsNullOrEmpty(fragment))
        {
            return "";
        }
        var sb = new StringBuilder(fragment.Length + 16);
        var open = 0;
        var last = 0;
        foreach (Match tag in TagPattern().Matches(fragment))
        {
            AppendText(sb, fragment[last..tag.Index]);
            last = tag.Index + tag.Length;
            var name = tag.Value.ToLowerInvariant();
            if (name == "<mark>")
            {
                sb.Append("<mark>");
                open++;
            }
            else if (name == "</mark>" && open > 0)
            {
                sb.Append("</mark>");
                open--;
            }
        }
        AppendText(sb, fragment[last..]);
        for (; open > 0; open--)
        {
            sb.Append("</mark>");
        }
        return sb.ToString();
    }

    public static MarkupString ToMarkup(string? fragment) => new(Sanitise(fragment));

    // Decode first so text the API already encoded is not double-encoded, then encode everything.
    private static void AppendText(StringBuilder sb, string text) =>
        sb.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(text)));
}
