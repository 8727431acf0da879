using Thirty3.Domain.Cpv;

namespace Thirty3.Domain.Tests.Ocds;

public class CpvCodeTests
{
    [Theory]
    [InlineData("72000000-5", "72000000")]
    [InlineData("72212100", "72212100")]
    [InlineData("7221", "72210000")]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void Normalise_VariousForms_EightDigitsOrNull(string raw, string? expected) =>
        Assert.Equal(expected, CpvCode.Normalise(raw));

    [Fact]
    public void SelfAndAncestors_Category_DivisionGroupClassCategory() =>
        Assert.Equal(["72000000", "72200000", "72210000", "72212000", "72212100"], CpvCode.SelfAndAncestors("72212100"));

    [Fact]
    public void Division_AnyCode_TwoDigitsPadded() => Assert.Equal("45000000", CpvCode.Division("45233140"));
}
