using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Kpis;

/// <summary>A person's behaviour signals from the database, on both providers, against a hand computation.</summary>
public class GetBehaviourSignalsTests
{
    [Theory, BothProviders]
    public async Task Signals_RepAOverThreeMonths_MatchTheHandComputation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var deal = new Opportunity
        {
            Source = "test", ExternalId = "eur-1", OwnerId = world.RepA.Id, Name = "Euro deal", Account = "Acme", Amount = 2000m, Currency = "EUR",
            CreatedOn = new DateOnly(2026, 5, 20), ImportedAt = now,
        };
        var open = await app.InScopeAsync(s => s.Db.Opportunities.Where(o => o.ExternalId == "rep.a@world.test-2").Select(o => o.Id).SingleAsync());
        Activity Logged(string id, DateOnly date, Guid? opportunity, bool completed = true) => new()
        {
            Source = "test", ExternalId = id, OwnerId = world.RepA.Id, Type = ActivityType.Call, Date = date, Completed = completed, OpportunityId = opportunity, ImportedAt = now,
        };
        await app.InScopeAsync(async s =>
        {
            s.Db.ExchangeRates.Add(new ExchangeRate { Currency = "EUR", ValidFrom = new DateOnly(2026, 1, 1), Rate = 1.1m });
            s.Db.Opportunities.Add(deal);
            s.Db.Activities.AddRange(
                Logged("x1", new DateOnly(2026, 5, 25), null), Logged("x2", new DateOnly(2026, 6, 1), open), Logged("x3", new DateOnly(2026, 6, 10), deal.Id),
                Logged("x4", new DateOnly(2026, 6, 14), deal.Id, completed: false));
            return await s.Db.SaveChangesAsync();
        });

        var view = await app.InScopeAsync(s => s.Get<GetBehaviourSignals>().HandleAsync(TestApp.As(world.RepA), world.RepA.Id, new GetBehaviourSignalsRequest(3), default));

        // Today is 15 June 2026. Rep A's deals of the world: won 10 Feb, lost 11 Feb, open since 5 Jan; plus the euro deal
        // open since 20 May (2,000 EUR × 1.1 = 2,200 USD). Cuts: 1 May, 1 June, 16 June.
        //   April: open 1 (5 Jan deal); no activity in [1 Apr, 1 May).
        //   May:   open 2; activities in [2 May, 1 Jun): 25 May; touched in [18 May, 1 Jun): none (25 May has no deal).
        //   June:  open 2; activities in [17 May, 16 Jun): 25 May, 1 and 10 June (14 June is not done); touched in
        //          [2 Jun, 16 Jun): the euro deal (10 June); 1 June is 15 days before the cut.
        Assert.True(view.IsSuccess, view.Error?.Message);
        var v = view.Value;
        Assert.Equal(("USD", new DateOnly(2026, 6, 15)), (v.Currency, v.AsOf));
        Assert.Equal(["2026-04", "2026-05", "2026-06"], v.Months.Select(m => m.Label));
        Assert.Equal([1, 2, 2], v.Months.Select(m => m.OpenOpportunities));
        Assert.Equal([0, 1, 3], v.Months.Select(m => m.RecentActivities));
        Assert.Equal([0, 0, 1], v.Months.Select(m => m.TouchedOpportunities));
        Assert.Equal([0m, 2200m, 0m], v.Months.Select(m => m.PipelineCreated));
        Assert.Equal(new DateOnly(2026, 6, 15), v.Months[2].LastDayCounted);
        Assert.Equal(
            [
                (CrmSignal.PipelineCreatedPerMonth, new decimal?[] { 0m, 2200m, 0m }),
                (CrmSignal.OpenOpportunitiesTouchedLast14Days, [0m, 0m, 0.5m]),
                (CrmSignal.ActivitiesPerOpenOpportunity, [0m, 0.5m, 1.5m]),
            ],
            v.Behaviours.Select(b => (b.Signal, b.Values.ToArray())));
    }

    [Theory, BothProviders]
    public async Task Signals_EarlierMonths_AreCutAtTheirEnd_AndBadRequestsAreRefused(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        Task<Result<BehaviourSignalsView>> Ask(GetBehaviourSignalsRequest r) =>
            app.InScopeAsync(s => s.Get<GetBehaviourSignals>().HandleAsync(TestApp.AdminActor, world.RepB.Id, r, default));

        var january = await Ask(new GetBehaviourSignalsRequest(1, "2026-01"));
        var zero = await Ask(new GetBehaviourSignalsRequest(0));
        var badMonth = await Ask(new GetBehaviourSignalsRequest(2, "2026-13"));
        var yearOne = await Ask(new GetBehaviourSignalsRequest(24, "0001-01"));

        // January, cut 1 February: rep B's three deals created 5 Jan (1,000 + 2,000 + 3,000), all open then; calls on 6–8 Jan, none linked.
        var jan = january.Value.Months.Single();
        Assert.Equal((3, 3, 0, 6000m, new DateOnly(2026, 1, 31)), (jan.OpenOpportunities, jan.RecentActivities, jan.TouchedOpportunities, jan.PipelineCreated, jan.LastDayCounted));
        Assert.Equal((1m, 0m), (jan.ActivitiesPerOpenOpportunity, jan.TouchedShare));
        Assert.Equal((ErrorKind.Validation, ErrorKind.Validation, ErrorKind.Validation), (zero.Error?.Kind, badMonth.Error?.Kind, yearOne.Error?.Kind));
    }
}
