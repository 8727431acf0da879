using System.Xml.Linq;
using Thirty3.Web.Opportunities;

namespace Thirty3.Web.Tests.Helpers;

public sealed class AtomFeedWriterTests
{
    private static readonly XNamespace Atom = AtomFeedWriter.Namespace;

    private static async Task<XDocument> WriteAsync(AtomFeed feed)
    {
        using var stream = new MemoryStream();
        await AtomFeedWriter.WriteAsync(feed, stream, CancellationToken.None);
        stream.Position = 0;
        return XDocument.Load(stream);
    }

    private static AtomFeed Feed(params AtomEntry[] entries) => new(
        "http://127.0.0.1/opportunities/feed?q=x", "Thirty3: opportunities",
        new Uri("http://127.0.0.1/opportunities/feed?q=x"), new Uri("http://127.0.0.1/opportunities?q=x"),
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), entries);

    [Fact]
    public async Task WriteAsync_Feed_HasRequiredAtomElements()
    {
        var doc = await WriteAsync(Feed());

        var root = doc.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("http://127.0.0.1/opportunities/feed?q=x", root.Element(Atom + "id")!.Value);
        Assert.Equal("2026-03-02T09:00:00Z", root.Element(Atom + "updated")!.Value);
        Assert.Equal("Thirty3", root.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
    }

    [Fact]
    public async Task WriteAsync_Entry_RequiredElementsAndEscapedText()
    {
        var entry = new AtomEntry("http://127.0.0.1/opportunities/o-1", "Fish & chips <script>", new Uri("http://127.0.0.1/opportunities/o-1"),
            new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.FromHours(1)), null, "A \u0001summary", ["tender", "72000000"]);

        var doc = await WriteAsync(Feed(entry));

        var e = Assert.Single(doc.Root!.Elements(Atom + "entry"));
        Assert.Equal("Fish & chips <script>", e.Element(Atom + "title")!.Value);
        Assert.Equal("text", (string?)e.Element(Atom + "title")!.Attribute("type"));
        Assert.Equal("2026-03-01T11:30:00Z", e.Element(Atom + "updated")!.Value);
        Assert.Equal("A summary", e.Element(Atom + "summary")!.Value);
        Assert.Equal(["tender", "72000000"], e.Elements(Atom + "category").Select(c => (string)c.Attribute("term")!));
        Assert.Equal("http://127.0.0.1/opportunities/o-1", (string?)e.Element(Atom + "link")!.Attribute("href"));
    }
}
