using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.Demo;
using Xunit.Abstractions;

namespace SalesMentor.App.Tests.Kpis;

/// <summary>The KPIs of the Small demo organization (seed 1, as of 2026-11-26), end to end through the cache.</summary>
public class SmallDemoKpiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SmallDemo_Cache_FindsTheStarsTheBenchmarkFound()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));   // the demo's last day (it also plans tasks after it)
        await using (var scope = app.Scope())
        {
            var seeded = await scope.Get<SeedDemoOrganization>().HandleAsync(Actor.System, new SeedDemoRequest(DemoSize.Small, 1, new DateOnly(2026, 11, 26)), default);
            Assert.True(seeded.IsSuccess, seeded.Error?.Message);
        }

        var cache = app.Services.GetRequiredService<KpiCache>();
        var started = Stopwatch.GetTimestamp();
        var snapshot = await cache.GetAsync(default);
        var first = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();
        var stars = (await app.InScopeAsync(s => s.Get<ListStars>().HandleAsync(Actor.System, new ListStarsRequest(["Star", "NotEnoughData", "NotStar"], new PageRequest(0, 500)), default))).Value;
        var board = (await app.InScopeAsync(s => s.Get<GetLeaderboard>().HandleAsync(Actor.System, new GetLeaderboardRequest(), default))).Value;
        var cached = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"Small demo: {snapshot.Stats.People} people, {snapshot.Stats.Opportunities} opportunities, {snapshot.Stats.Activities} activities; " +
            $"load {snapshot.Stats.Load.TotalMilliseconds:0} ms, compute {snapshot.Stats.Compute.TotalMilliseconds:0} ms, first read {first.TotalMilliseconds:0} ms; " +
            $"stars list + leaderboard from the cache {cached.TotalMilliseconds:0} ms");

        // docs/kpis.md: the default rule finds 14 stars on this demo and leaves 42 reps with not enough data.
        Assert.Equal((14, 42), (stars.Stars, stars.NotEnoughData));
        Assert.Equal(new DateOnly(2026, 11, 26), snapshot.AsOf);
        Assert.Equal("2026-Q4", board.Period.Key);
        Assert.True(board.Total > 100, $"{board.Total} reps on the leaderboard");
        Assert.True(snapshot.Signals.ByPerson.Any(s => s.Count > 0), "some skill signals");
    }
}
