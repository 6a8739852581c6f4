using SalesMentor.Core.Text;

namespace SalesMentor.Core.Tests.Text;

public class TextFoldTests
{
    [Theory]
    [InlineData("Zoë", "ZOE")]
    [InlineData("  Seán   O'Brien ", "SEAN O'BRIEN")]
    [InlineData("Łukasz", "ŁUKASZ")]
    [InlineData("李小龍", "李小龍")]
    [InlineData("José Nuñez", "JOSE NUNEZ")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ForSearch_FoldsCaseAccentsAndSpaces(string? input, string expected) => Assert.Equal(expected, TextFold.ForSearch(input));

    [Fact]
    public void ForSearch_BrokenUnicode_DoesNotThrow()
    {
        Assert.Equal("A\uFFFDB", TextFold.ForSearch("a\uD800b"));
        Assert.Equal("\uFFFE", TextFold.ForSearch("\uFFFE"));
    }

    // Lone surrogates cannot travel through [InlineData] (the runner re-encodes them), so these are facts.
    [Fact]
    public void IsWellFormed_ChecksSurrogatePairs()
    {
        Assert.True(TextFold.IsWellFormed("abc"));
        Assert.True(TextFold.IsWellFormed("😀"));
        Assert.False(TextFold.IsWellFormed(new string('\uD83D', 1)));
        Assert.False(TextFold.IsWellFormed("x" + new string('\uDE00', 1)));
    }

    [Theory]
    [InlineData("  Zoë  Park ", "ZOË PARK")]
    [InlineData("o'brien", "O'BRIEN")]
    public void NameKey_KeepsAccentsButIgnoresCaseAndSpacing(string input, string expected) => Assert.Equal(expected, TextFold.NameKey(input));
}

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Sales = fun", "Sales = fun")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Neutralize_PrefixesFormulaLeadingText(string? input, string? expected) => Assert.Equal(expected, SpreadsheetText.Neutralize(input));
}
