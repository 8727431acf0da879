using System.Xml;

namespace Thirty3.Web.Opportunities;

/// <summary>An entry of an Atom feed.</summary>
public sealed record AtomEntry(string Id, string Title, Uri Link, DateTimeOffset Updated, DateTimeOffset? Published, string? Summary, IReadOnlyList<string> Categories);

/// <summary>An Atom 1.0 feed (RFC 4287).</summary>
public sealed record AtomFeed(string Id, string Title, Uri Self, Uri Alternate, DateTimeOffset Updated, IReadOnlyList<AtomEntry> Entries);

/// <summary>Writes <see cref="AtomFeed"/> as Atom 1.0 XML; the XmlWriter does all escaping.</summary>
public static class AtomFeedWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static async Task WriteAsync(AtomFeed feed, Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "feed", Namespace);
        await Element(xml, "id", feed.Id);
        await Text(xml, "title", feed.Title);
        await Element(xml, "updated", Timestamp(feed.Updated));
        await Link(xml, "self", feed.Self, "application/atom+xml");
        await Link(xml, "alternate", feed.Alternate, "text/html");
        await xml.WriteStartElementAsync(null, "author", Namespace);
        await Element(xml, "name", "Thirty3");
        await xml.WriteEndElementAsync();
        await Element(xml, "generator", "Thirty3");

        foreach (var entry in feed.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "entry", Namespace);
            await Element(xml, "id", entry.Id);
            await Text(xml, "title", entry.Title);
            await Link(xml, "alternate", entry.Link, "text/html");
            await Element(xml, "updated", Timestamp(entry.Updated));
            if (entry.Published is { } published)
            {
                await Element(xml, "published", Timestamp(published));
            }
            foreach (var category in entry.Categories)
            {
                await xml.WriteStartElementAsync(null, "category", Namespace);
                await xml.WriteAttributeStringAsync(null, "term", null, Clean(category));
                await xml.WriteEndElementAsync();
            }
            if (!string.IsNullOrWhiteSpace(entry.Summary))
            {
                await Text(xml, "summary", entry.Summary);
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static Task Element(XmlWriter xml, string name, string value) =>
        xml.WriteElementStringAsync(null, name, Namespace, Clean(value));

    private static async Task Text(XmlWriter xml, string name, string value)
    {
        await xml.WriteStartElementAsync(null, name, Namespace);
        await xml.WriteAttributeStringAsync(null, "type", null, "text");
        await xml.WriteStringAsync(Clean(value));
        await xml.WriteEndElementAsync();
    }

    private static async Task Link(XmlWriter xml, string rel, Uri href, string type)
    {
        await xml.WriteStartElementAsync(null, "link", Namespace);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href.AbsoluteUri);
        await xml.WriteEndElementAsync();
    }

    // Control characters from notice text are not allowed in XML 1.0; drop them rather than fail the feed.
    private static string Clean(string value) =>
        value.All(Allowed) ? value : new string([.. value.Where(Allowed)]);

    private static bool Allowed(char c) => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c);
}
