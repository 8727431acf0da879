using Thirty3.Web.Opportunities;

namespace Thirty3.Web.Tests.Helpers;

public sealed class HighlightSanitiserTests
{
    [Theory]
    [InlineData("Parking <mark>enforcement</mark> services", "Parking <mark>enforcement</mark> services")]
    [InlineData("<MARK>Case</MARK> management", "<mark>Case</mark> management")]
    [InlineData("Fish &amp; chips <mark>van</mark>", "Fish &amp; chips <mark>van</mark>")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    public void Sanitise_MarkAndEncodedText_Kept(string fragment, string expected) =>
        Assert.Equal(expected, HighlightSanitiser.Sanitise(fragment));

    [Theory]
    [InlineData("<script>alert(1)</script><mark>x</mark>", "alert(1)<mark>x</mark>")]
    [InlineData("<img src=x onerror=alert(1)>text", "text")]
    [InlineData("<mark onclick=\"alert(1)\">x</mark>", "x")]
    [InlineData("<a href=\"javascript:alert(1)\">link</a>", "link")]
    [InlineData("<mark style=\"x\">a</mark>", "a")]
    public void Sanitise_OtherTags_Dropped(string fragment, string expected) =>
        Assert.Equal(expected, HighlightSanitiser.Sanitise(fragment));

    [Fact]
    public void Sanitise_UnclosedMark_ClosingTagAppended() =>
        Assert.Equal("<mark>open</mark>", HighlightSanitiser.Sanitise("<mark>open"));

    [Fact]
    public void Sanitise_StrayClosingMark_Dropped() =>
        Assert.Equal("a b", HighlightSanitiser.Sanitise("a</mark> b"));

    [Fact]
    public void Sanitise_LessThanInText_Encoded() =>
        Assert.Equal("value &lt; 100k and &quot;quoted&quot;", HighlightSanitiser.Sanitise("value < 100k and \"quoted\""));

    [Fact]
    public void Sanitise_Null_Empty() => Assert.Equal("", HighlightSanitiser.Sanitise(null));
}
