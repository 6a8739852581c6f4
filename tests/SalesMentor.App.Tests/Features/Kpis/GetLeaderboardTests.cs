using Microsoft.EntityFrameworkCore;
using System.Text;
using MiniExcelLibs;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.App.Tests.Kpis;

namespace SalesMentor.App.Tests.Features.Kpis;

/// <summary>Leaderboards over <see cref="KpiWorld"/>: won revenue in 2026-Q1 is C 5,000, B 4,800, A 3,400, D 800.</summary>
public class GetLeaderboardTests
{
    private static readonly GetLeaderboardRequest Q1 = new("won-revenue", "quarter", "2026-Q1");

    [Theory, BothProviders]
    public async Task Leaderboard_ByWonRevenue_RanksBestFirstWithPercentiles(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var board = (await BoardAsync(app, TestApp.AdminActor, Q1)).Value;

        Assert.Equal(["Cara Gamma", "Ben Beta", "Ann Alpha", KpiWorld.FormulaName], board.Items.Select(r => r.Name));
        Assert.Equal([1, 2, 3, 4], board.Items.Select(r => r.Rank!.Value));
        Assert.Equal([5000.00m, 4800.00m, 3400.00m, 800.00m], board.Items.Select(r => r.Value!.Value));
        Assert.Equal([87.5, 62.5, 37.5, 12.5], board.Items.Select(r => r.Percentile!.Value));
        Assert.All(board.Items, r => Assert.Equal(4, r.Peers));
        Assert.DoesNotContain(board.Items, r => r.Person == world.Manager.Id);   // no sales records: not ranked, not listed
        Assert.Equal(("won-revenue", "2026-Q1", 4), (board.Kpi.Id, board.Period.Key, board.Total));
    }

    [Theory, BothProviders]
    public async Task ATeamOrRegionRenamedInSql_ShowsOnTheNextLeaderboard(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        Assert.Contains((await BoardAsync(app, TestApp.AdminActor, Q1)).Value.Items, r => r.Team == "Team A" && r.Region == "North");

        // Plain SQL, around the app: the names are kept per instance, and the org-units counter rereads them.
        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "Teams" SET "Name" = 'Team Alpha' WHERE "Name" = 'Team A'"""));
        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "Regions" SET "Name" = 'Nord' WHERE "Name" = 'North'"""));

        var board = (await BoardAsync(app, TestApp.AdminActor, Q1)).Value;
        Assert.Contains(board.Items, r => r.TeamId == world.TeamA.Id && r.Team == "Team Alpha" && r.Region == "Nord");
        Assert.DoesNotContain(board.Items, r => r.Team == "Team A" || r.Region == "North");
    }

    [Theory, BothProviders]
    public async Task Leaderboard_SortedPagedAndFiltered_ShowsTheRightSlice(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var second = (await BoardAsync(app, TestApp.AdminActor, Q1 with { Paging = new PageRequest(1, 2) })).Value;
        var byName = (await BoardAsync(app, TestApp.AdminActor, Q1 with { Sort = "name", Descending = true })).Value;
        var teamB = (await BoardAsync(app, TestApp.AdminActor, Q1 with { TeamId = world.TeamB.Id })).Value;
        var withinTeam = (await BoardAsync(app, TestApp.AdminActor, Q1 with { TeamId = world.TeamB.Id, Scope = "team" })).Value;
        var cycle = (await BoardAsync(app, TestApp.AdminActor, Q1 with { Kpi = "sales-cycle-median-days" })).Value;

        Assert.Equal(["Ann Alpha", KpiWorld.FormulaName], second.Items.Select(r => r.Name));
        Assert.Equal((4, 1, 2), (second.Total, second.Page, second.PageSize));
        Assert.Equal(new[] { KpiWorld.FormulaName, "Cara Gamma", "Ben Beta", "Ann Alpha" }.OrderDescending(StringComparer.CurrentCulture), byName.Items.Select(r => r.Name));
        // Filtered to team B but ranked among everyone; ranked within the team when the scope says so.
        Assert.Equal([("Cara Gamma", 1), (KpiWorld.FormulaName, 4)], teamB.Items.Select(r => (r.Name, r.Rank!.Value)));
        Assert.Equal([("Cara Gamma", 1, 2), (KpiWorld.FormulaName, 2, 2)], withinTeam.Items.Select(r => (r.Name, r.Rank!.Value, r.Peers)));
        // Shorter is better: B's median of 16 and 15 days ranks first, C's 41 days last.
        Assert.Equal([("Ben Beta", 15.5m, 1), (KpiWorld.FormulaName, 28m, 2), ("Ann Alpha", 34m, 3), ("Cara Gamma", 41m, 4)],
            cycle.Items.Select(r => (r.Name, r.Value!.Value, r.Rank!.Value)));
    }

    [Theory]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, "RepB", new[] { "Ben Beta" })]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, "Manager", new[] { "Ben Beta", "Ann Alpha" })]
    [InlineData(SalesDataVisibility.Everyone, "RepB", new[] { "Cara Gamma", "Ben Beta", "Ann Alpha", KpiWorld.FormulaName })]
    public async Task Leaderboard_ListsOnlyPeopleWhoseSalesDataTheViewerMaySee(SalesDataVisibility visibility, string viewer, string[] expected)
    {
        await using var app = await TestApp.StartAsync(Provider.Postgres);
        var world = await KpiWorld.CreateAsync(app);
        await KpiWorld.SetVisibilityAsync(app, visibility);
        var actor = TestApp.As(viewer == "RepB" ? world.RepB : world.Manager);

        var board = (await BoardAsync(app, actor, Q1)).Value;
        var file = (await app.InScopeAsync(s => s.Get<ExportLeaderboard>().HandleAsync(actor, Q1, "csv", default))).Value;

        Assert.Equal(expected, board.Items.Select(r => r.Name));
        // Ranks stay ranks among everyone: hiding a row does not move the others.
        if (viewer == "RepB") Assert.Equal(2, board.Items.Single(r => r.Name == "Ben Beta").Rank);
        var csv = Encoding.UTF8.GetString(file.Content);
        Assert.Equal(expected.Length + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("no-such-kpi", "quarter", null, null, "kpi.unknown")]
    [InlineData("won-revenue", "fortnight", null, null, "kpi.period_kind")]
    [InlineData("won-revenue", null, "2026-Q9", null, "kpi.period")]
    [InlineData("won-revenue", null, null, "galaxy", "leaderboard.scope")]
    public async Task Leaderboard_BadInput_IsAClearValidationError(string kpi, string? kind, string? period, string? scope, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);

        var result = await BoardAsync(app, TestApp.AdminActor, new GetLeaderboardRequest(kpi, kind, period, scope));

        Assert.Equal((ErrorKind.Validation, code), (result.Error?.Kind, result.Error?.Code));
    }

    [Theory, BothProviders]
    public async Task Export_Csv_NeutralisesFormulaTextAndKeepsNumbersAsNumbers(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await KpiWorld.CreateAsync(app);

        var file = (await app.InScopeAsync(s => s.Get<ExportLeaderboard>().HandleAsync(TestApp.AdminActor, Q1, "csv", default))).Value;
        var lines = Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("leaderboard-won-revenue-2026-Q1-everyone.csv", file.FileName);
        Assert.Equal("rank,name,team,region,won-revenue,percentile,peers,period", lines[0]);
        Assert.Equal("1,Cara Gamma,Team B,North,5000,87.5,4,2026-Q1", lines[1]);
        Assert.Equal($"4,'{KpiWorld.FormulaName},Team B,North,800,12.5,4,2026-Q1", lines[4]);
    }

    [Fact]
    public async Task Export_Xlsx_KeepsNumbersAsNumbersAndNeutralisesNames()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);

        var file = (await app.InScopeAsync(s => s.Get<ExportLeaderboard>().HandleAsync(TestApp.AdminActor, Q1, "xlsx", default))).Value;
        var bad = await app.InScopeAsync(s => s.Get<ExportLeaderboard>().HandleAsync(TestApp.AdminActor, Q1, "pdf", default));
        using var stream = new MemoryStream(file.Content);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(4, rows.Count);
        Assert.IsType<double>(rows[0]["won-revenue"]);
        Assert.Equal(5000d, rows[0]["won-revenue"]);
        Assert.Equal("'" + KpiWorld.FormulaName, rows[3]["name"]);
        Assert.Equal("export.format", bad.Error?.Code);
    }

    internal static Task<Result<LeaderboardView>> BoardAsync(TestApp app, Actor actor, GetLeaderboardRequest request) =>
        app.InScopeAsync(s => s.Get<GetLeaderboard>().HandleAsync(actor, request, default));
}
