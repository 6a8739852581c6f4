using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class DemoNamesTests
{
    [Theory]
    [InlineData("Zoë", "Park", "zoe.park")]
    [InlineData("José", "García", "jose.garcia")]
    [InlineData("Łukasz", "Nowak", "lukasz.nowak")]
    [InlineData("Søren", "Jørgensen", "soren.jorgensen")]
    [InlineData("Chloé", "Lefèvre", "chloe.lefevre")]
    [InlineData("Sinéad", "O'Brien", "sinead.obrien")]
    [InlineData("Min-jun", "de Vries", "min-jun.devries")]
    [InlineData("Şule", "Yılmaz", "sule.yilmaz")]
    [InlineData("Thanh", "Trần", "thanh.tran")]
    [InlineData("Jürgen", "Weiß", "jurgen.weiss")]
    [InlineData("Omar", "Al-Farsi", "omar.al-farsi")]
    public void EmailLocalPart_Name_IsLowercaseAsciiWithoutDiacritics(string first, string last, string expected)
        => Assert.Equal(expected, DemoNames.EmailLocalPart(first, last));

    [Theory]
    [InlineData("Zoë")]
    [InlineData("José")]
    [InlineData("Łukasz")]
    [InlineData("Søren")]
    [InlineData("Chloé")]
    public void FirstNames_Always_IncludeNonAsciiNames(string name) => Assert.Contains(name, DemoNames.FirstNames);

    [Fact]
    public void Lists_EveryName_FoldsToAPlainAsciiPart()
    {
        foreach (var name in DemoNames.FirstNames.Concat(DemoNames.LastNames))
        {
            var folded = DemoNames.FoldToAscii(name);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", folded);
        }
    }

    [Fact]
    public void Lists_Always_HaveNoDuplicates()
    {
        Assert.Equal(DemoNames.FirstNames.Count, DemoNames.FirstNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DemoNames.LastNames.Count, DemoNames.LastNames.Distinct(StringComparer.Ordinal).Count());
    }
}
