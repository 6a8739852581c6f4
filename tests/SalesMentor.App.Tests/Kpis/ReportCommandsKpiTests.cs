using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;

namespace SalesMentor.App.Tests.Kpis;

/// <summary><c>salesmentor report kpis|stars</c>, invoked the way the shell does, against a test database.</summary>
public class ReportCommandsKpiTests
{
    [Fact]
    public async Task ReportKpis_ForAQuarterToAFile_WritesEveryKpiOfEveryRep()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);
        var path = Path.Combine(app.Database.Folder, "q1.csv");

        var code = await RunAsync(app, "report", "kpis", "--period", "2026-Q1", "--out", path);

        Assert.Equal(0, code);
        var lines = (await File.ReadAllTextAsync(path)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("name,team,region,won-revenue,lost-amount,average-deal-size,pipeline-created", lines[0], StringComparison.Ordinal);
        var ann = lines.Single(l => l.StartsWith("Ann Alpha,", StringComparison.Ordinal));
        Assert.StartsWith("Ann Alpha,Team A,North,3400,500,1700,9300,", ann, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("'=2+5 Dee,Team B,North,800,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportKpis_ForOneTeam_ListsOnlyItsReps()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);
        var path = Path.Combine(app.Database.Folder, "team.csv");

        var code = await RunAsync(app, "report", "kpis", "--period", "fy2026", "--team", "team b", "--out", path);

        Assert.Equal(0, code);
        var lines = (await File.ReadAllTextAsync(path)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Cara Gamma", "'=2+5 Dee"], lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal).Reverse());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("next quarter")]
    public async Task ReportKpis_BadPeriodOrTeam_ExitsTwoAndWritesNothing(string period)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);
        var path = Path.Combine(app.Database.Folder, "bad.csv");

        var badPeriod = await RunAsync(app, "report", "kpis", "--period", period, "--out", path);
        var noPeriod = await RunAsync(app, "report", "kpis");
        var badTeam = await RunAsync(app, "report", "kpis", "--period", "2026-Q1", "--team", "No Such Team", "--out", path);

        Assert.Equal((2, 2, 2), (badPeriod, noPeriod, badTeam));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ReportStars_ExitsZero()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);

        Assert.Equal((0, 0), (await RunAsync(app, "report", "stars"), await RunAsync(app, "report", "stars", "--all")));
    }

    private static async Task<int> RunAsync(TestApp app, params string[] args)
    {
        CliHost.Overrides.Value = app.Database.Settings;
        return await CliProgram.Root().Parse(args).InvokeAsync();
    }
}
