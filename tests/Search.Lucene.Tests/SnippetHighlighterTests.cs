namespace Thirty3.Search.Lucene.Tests;

public sealed class SnippetHighlighterTests
{
    private readonly SnippetHighlighter sut = new(new EnglishTextAnalyzer());

    private static HighlightTerms Terms(params string[] exact) => new(new HashSet<string>(exact), []);

    [Fact]
    public void Highlight_MatchesFarApart_ReturnsTwoShortFragments()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 40));
        var text = $"Parking enforcement {filler} parking permits {filler} parking again";

        var fragments = sut.Highlight("description", text, Terms("parking"));

        Assert.Equal(2, fragments.Count);
        Assert.All(fragments, f => Assert.Contains("<mark>Parking</mark>", f, StringComparison.OrdinalIgnoreCase));
        Assert.All(fragments, f => Assert.True(f.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Length <= SnippetHighlighter.FragmentLength + 2));
    }

    [Fact]
    public void Highlight_StemmedQueryTerm_MarksInflectedWord()
    {
        var fragments = sut.Highlight("title", "Housing repairs & maintenance", Terms("repair"));

        Assert.Equal("Housing <mark>repairs</mark> &amp; maintenance", Assert.Single(fragments));
    }

    [Fact]
    public void Highlight_TypoTerm_MarksCorrectSpelling()
    {
        var terms = new HighlightTerms(new HashSet<string>(), [("managment", 1)]);

        var fragments = sut.Highlight("title", "Fleet management software", terms);

        Assert.Equal("Fleet <mark>management</mark> software", Assert.Single(fragments));
    }

    [Fact]
    public void Highlight_NoMatch_ReturnsNothing()
    {
        Assert.Empty(sut.Highlight("title", "Grounds maintenance", Terms("parking")));
    }
}
