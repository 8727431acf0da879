using Thirty3.Web.Opportunities;

namespace Thirty3.Web.Tests.Helpers;

public sealed class CsvWriterTests
{
    private static async Task<string> WriteAsync(params string?[][] rows)
    {
        await using var text = new StringWriter();
        var sut = new CsvWriter(text);
        foreach (var row in rows)
        {
            await sut.WriteRowAsync(row);
        }
        return text.ToString();
    }

    [Fact]
    public async Task WriteRowAsync_PlainFields_CommaSeparatedWithCrLf() =>
        Assert.Equal("a,b,c\r\n1,,3\r\n", await WriteAsync(["a", "b", "c"], ["1", null, "3"]));

    [Theory]
    [InlineData("Fish, chips", "\"Fish, chips\"")]
    [InlineData("Say \"hi\"", "\"Say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Escape_Rfc4180_QuotedWhenNeeded(string field, string expected) => Assert.Equal(expected, CsvWriter.Escape(field));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Escape_FormulaLike_PrefixedWithApostrophe(string field, string expected) => Assert.Equal(expected, CsvWriter.Escape(field));
}
