using System.Text;

namespace Thirty3.SampleData;

/// <summary>Values a template's placeholders take for one notice.</summary>
internal readonly record struct TextContext(
    string Buyer,
    string Subject,
    string CpvLabel,
    string Area,
    string Region,
    int Years,
    int ExtensionYears,
    string Value,
    int StartYear);

/// <summary>
/// A sentence with placeholders (<c>{s}</c> subject, <c>{S}</c> capitalised subject, <c>{b}</c> buyer,
/// <c>{c}</c> CPV label, <c>{l}</c> lower-case CPV label, <c>{a}</c> area, <c>{r}</c> region,
/// <c>{y}</c> years, <c>{e}</c> extension years, <c>{v}</c> value, <c>{Y}</c> start year, <c>{Z}</c> end year),
/// parsed once so that rendering a million notices only appends.
/// </summary>
internal sealed class TextTemplate
{
    private readonly string[] _literals;
    private readonly char[] _tokens;

    public TextTemplate(string text)
    {
        var literals = new List<string>();
        var tokens = new List<char>();
        var start = 0;
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (text[i] == '{' && text[i + 2] == '}')
            {
                literals.Add(text[start..i]);
                tokens.Add(text[i + 1]);
                start = i + 3;
                i += 2;
            }
        }
        literals.Add(text[start..]);
        _literals = [.. literals];
        _tokens = [.. tokens];
    }

    public void Render(StringBuilder sb, in TextContext ctx)
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            sb.Append(_literals[i]);
            switch (_tokens[i])
            {
                case 's': sb.Append(ctx.Subject); break;
                case 'S': AppendCapitalised(sb, ctx.Subject); break;
                case 'b': sb.Append(ctx.Buyer); break;
                case 'c': sb.Append(ctx.CpvLabel); break;
                case 'l': AppendLower(sb, ctx.CpvLabel); break;
                case 'a': sb.Append(ctx.Area); break;
                case 'r': sb.Append(ctx.Region); break;
                case 'y': sb.Append(ctx.Years); break;
                case 'e': sb.Append(ctx.ExtensionYears); break;
                case 'v': sb.Append(ctx.Value); break;
                case 'Y': sb.Append(ctx.StartYear); break;
                case 'Z': sb.Append(ctx.StartYear + ctx.Years); break;
                default: throw new InvalidOperationException($"Unknown placeholder {{{_tokens[i]}}}.");
            }
        }
        sb.Append(_literals[^1]);
    }

    public static void AppendCapitalised(StringBuilder sb, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        sb.Append(char.ToUpperInvariant(text[0])).Append(text, 1, text.Length - 1);
    }

    private static void AppendLower(StringBuilder sb, string text)
    {
        // CPV labels are sentence case; keep acronyms such as "IT" as they are.
        if (text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]))
        {
            sb.Append(char.ToLowerInvariant(text[0])).Append(text, 1, text.Length - 1);
        }
        else
        {
            sb.Append(text);
        }
    }
}
