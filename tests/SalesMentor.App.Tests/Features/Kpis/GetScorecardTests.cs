using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.App.Tests.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Tests.Features.Kpis;

/// <summary>The scorecard's numbers against the hand computations of <see cref="KpiWorld"/>.</summary>
public class GetScorecardTests
{
    [Theory, BothProviders]
    public async Task Scorecard_RepAInTheFirstQuarter_MatchesTheHandComputation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var card = (await ScorecardAsync(app, TestApp.As(world.RepA), world.RepA.Id, "quarter", "2026-Q1")).Value;

        Assert.Equal(("2026-Q1", "FY2026 Q1", "USD"), (card.Period.Key, card.Period.Label, card.Currency));
        Assert.Equal(3400.00m, Value(card, "won-revenue"));
        Assert.Equal(2m / 3, Value(card, "win-rate-by-count")!.Value, 12);
        Assert.Equal(3400m / 3900, Value(card, "win-rate-by-value")!.Value, 12);
        Assert.Equal(9300.00m, Value(card, "pipeline-created"));
        Assert.Equal(6m, Value(card, "opportunities-created"));
        Assert.Equal(5400.00m, Value(card, "open-pipeline"));
        Assert.Equal(9000.00m, Value(card, "quota"));
        Assert.Equal(3400m / 9000, Value(card, "quota-attainment")!.Value, 12);
        Assert.Equal(5400m / 5600, Value(card, "pipeline-coverage")!.Value, 12);
        Assert.Equal(1700.00m, Value(card, "average-deal-size"));
        Assert.Equal(34m, Value(card, "sales-cycle-median-days"));
        Assert.Equal((2m, 1m, 3m), (Value(card, "won-deals")!.Value, Value(card, "lost-deals")!.Value, Value(card, "activities")!.Value));
    }

    [Theory, BothProviders]
    public async Task Scorecard_RanksTrendAndHistory_FollowThePeers(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var card = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2026-Q1")).Value;
        var won = card.Tiles.Single(t => t.Kpi.Id == "won-revenue");

        // Among D 800, A 3,400, B 4,800, C 5,000: A is second lowest; in team A (A, B) the lower one.
        Assert.Equal((37.5, 25.0, "middle"), (won.Percentile, won.TeamPercentile, won.Band));
        // The previous quarter had A6 only: won, but in EUR before any rate, so counted and not summed.
        Assert.Equal(0m, won.Previous);
        Assert.Equal(["FY2025 Q4", "FY2026 Q1"], card.Series.Select(p => p.Label));
        Assert.Equal([0m, 3400m], won.Series);
        Assert.Equal("FY2025 Q4", card.Previous?.Label);
        Assert.Equal(1, card.DataProblems.DealsWithoutRate);
        Assert.Equal(("test", "A6", "EUR", new DateOnly(2025, 11, 20)), card.DataProblems.DealsWithoutRateExamples.Select(d => (d.Source, d.ExternalId, d.Currency, d.Date!.Value)).Single());
        Assert.Equal(won.Kpi.Tooltip, Core.Kpis.KpiCatalog.Of(Core.Kpis.Kpi.WonRevenue).Tooltip);
    }

    [Theory, BothProviders]
    public async Task Scorecard_Months_SplitTheQuarterAndKeepUndefinedAsNull(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var february = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "month", "2026-02")).Value;
        var march = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, null, "2026-03")).Value;
        var c = (await ScorecardAsync(app, TestApp.AdminActor, world.RepC.Id, "quarter", "2026-Q1")).Value;

        // February: only A2 closed (lost): win rate 0, not empty; won revenue 0. March: A3 at the March rate.
        Assert.Equal((0m, 0m, 3500.00m), (Value(february, "win-rate-by-count"), Value(february, "won-revenue"), Value(february, "pipeline-created")));
        Assert.Equal((2400.00m, 4300.00m), (Value(march, "won-revenue"), Value(march, "pipeline-created")));
        Assert.Equal("month", march.Period.Kind);
        // C has no quota: attainment and coverage are undefined, never 0.
        Assert.Equal((5000.00m, (decimal?)null, (decimal?)null), (Value(c, "won-revenue"), Value(c, "quota-attainment"), Value(c, "pipeline-coverage")));
        Assert.Equal(0.5m, Value(c, "win-rate-by-count"));
    }

    [Theory, BothProviders]
    public async Task Scorecard_WithoutAPeriod_ShowsTheQuarterOfTheLastDayWithData(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var card = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, null, null)).Value;

        // A4 closed on 2026-04-01, the last day with data: the second quarter, with A's Q2 quota of 9,100.
        Assert.Equal((new DateOnly(2026, 4, 1), "2026-Q2"), (card.AsOf, card.Period.Key));
        Assert.Equal((300.00m, 9100.00m), (Value(card, "won-revenue"), Value(card, "quota")));
        Assert.Equal(3400.00m, card.Tiles.Single(t => t.Kpi.Id == "won-revenue").Previous);
    }

    [Theory]
    [InlineData("week", null, "kpi.period_kind")]
    [InlineData(null, "2026-13", "kpi.period")]
    [InlineData(null, "Q3 of 2026", "kpi.period")]
    [InlineData("month", "2026-Q1", "kpi.period")]
    [InlineData(null, "2019-Q1", "kpi.period_out_of_range")]
    [InlineData(null, "=1+1", "kpi.period")]
    public async Task Scorecard_BadPeriod_IsAValidationErrorWithAClearMessage(string? kind, string? period, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await KpiWorld.CreateAsync(app);

        var result = await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, kind, period);

        Assert.Equal((ErrorKind.Validation, code), (result.Error?.Kind, result.Error?.Code));
        Assert.False(string.IsNullOrWhiteSpace(result.Error!.Message));
    }

    [Theory]
    [InlineData(SalesDataVisibility.Everyone, "RepB", true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, "RepA", true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, "Manager", true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, "RepB", false)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, "RepC", false)]
    public async Task Scorecard_OfRepA_IsVisibleExactlyLikeTheirOpportunities(SalesDataVisibility visibility, string viewer, bool visible)
    {
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            await using var app = await TestApp.StartAsync(provider);
            var world = await KpiWorld.CreateAsync(app);
            await KpiWorld.SetVisibilityAsync(app, visibility);
            var actor = TestApp.As(viewer switch { "RepA" => world.RepA, "RepB" => world.RepB, "RepC" => world.RepC, _ => world.Manager });

            var result = await ScorecardAsync(app, actor, world.RepA.Id, "quarter", "2026-Q1");

            Assert.Equal(visible, result.IsSuccess);
            if (visible) Assert.Equal(3400.00m, Value(result.Value, "won-revenue"));
            else Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        }
    }

    [Fact]
    public async Task Scorecard_OfSomeoneMissing_IsNotFound()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);

        var result = await ScorecardAsync(app, TestApp.AdminActor, PersonId.New(), null, null);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
    }

    internal static Task<Result<ScorecardView>> ScorecardAsync(TestApp app, Actor actor, PersonId person, string? kind, string? period) =>
        app.InScopeAsync(s => s.Get<GetScorecard>().HandleAsync(actor, person, new GetScorecardRequest(kind, period), default));

    internal static decimal? Value(ScorecardView card, string kpi) => card.Tiles.Single(t => t.Kpi.Id == kpi).Value;
}
