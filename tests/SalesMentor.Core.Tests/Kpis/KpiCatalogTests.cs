using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

public sealed class KpiCatalogTests
{
    [Fact]
    public void All_IsInEnumOrderWithUniqueIds()
    {
        Assert.Equal(Enum.GetValues<Kpi>(), KpiCatalog.All.Select(d => d.Kpi));
        Assert.Equal(KpiCatalog.All.Count, KpiCatalog.All.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(KpiCatalog.All, d => Assert.Equal(d.Kpi, KpiCatalog.FromId(d.Id)));
    }

    [Fact]
    public void Docs_TooltipTable_MatchesTheCatalogWordForWord()
    {
        var docs = File.ReadAllLines(FindDocs());

        foreach (var definition in KpiCatalog.All)
        {
            var row = $"| `{definition.Id}` | {definition.Name} | {definition.Kind.ToString().ToLowerInvariant()} | {definition.Tooltip} |";
            Assert.Contains(row, docs);
        }
    }

    private static string FindDocs()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "docs", "kpis.md");
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException("docs/kpis.md not found above " + AppContext.BaseDirectory);
    }
}
