using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Adoption;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Health;

public class AdoptionTests
{
    [Theory, BothProviders]
    public async Task CheckInsAndObservations_FormATimeline_ThatGoalsAndProgressReadersSee_AndOnlyThePairWrites(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        await HealthWorld.Ok(w.CheckAsync(w.Mentee, AdoptionLevel.Trying, "Asked for next steps twice", new DateOnly(2026, 6, 10)));
        await HealthWorld.Ok(w.CheckAsync(w.Mentor, AdoptionLevel.Practising, "Saw it on the Acme call"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var value = await app.InScopeAsync(s => s.Db.CompanyValues.AsNoTracking().OrderBy(v => v.SortOrder).FirstAsync());
        var observed = await HealthWorld.Ok(app.InScopeAsync(s => s.Get<RecordValueObservation>().HandleAsync(w.Mentor, w.Current,
            new ValueObservationRequest(value.Id, "Told the customer the honest delivery date"), default)));
        Assert.Equal((AdoptionSource.Mentor, value.Name), (observed.Source, observed.Value));

        foreach (var (who, actor) in new[] { ("mentee", w.Mentee), ("mentor", w.Mentor), ("supervisor", TestApp.As(w.World.SupervisorA)), ("vp", TestApp.As(w.World.Vp)), ("admin", w.Admin) })
        {
            var view = await w.AdoptionAsync(actor);
            Assert.True(view.IsSuccess, who);
            var goal = Assert.Single(view.Value.Behaviours);
            Assert.Equal([(AdoptionSource.Self, AdoptionLevel.Trying), (AdoptionSource.Mentor, AdoptionLevel.Practising)], goal.Checks.Select(c => (c.Source, c.Level)));
            Assert.Equal(["value", "adoption", "adoption"], view.Value.Timeline.Select(t => t.Kind));
            Assert.Equal(who is "mentee" or "mentor", view.Value.CanRecord);
        }

        foreach (var (who, actor) in new[] { ("teammate", TestApp.As(w.World.RepB)), ("former mentor", TestApp.As(w.World.RepC)), ("other supervisor", TestApp.As(w.World.SupervisorB)) })
        {
            Assert.True((await w.AdoptionAsync(actor)).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await w.CheckAsync(actor, AdoptionLevel.Habit)).Error?.Kind == ErrorKind.NotFound, who);
        }

        Assert.Equal(ErrorKind.Forbidden, (await w.CheckAsync(TestApp.As(w.World.SupervisorA), AdoptionLevel.Habit)).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await w.CheckAsync(w.Admin, AdoptionLevel.Habit)).Error?.Kind);
        Assert.Equal(2, await app.InScopeAsync(s => s.Db.AdoptionChecks.CountAsync()));
    }

    [Theory, BothProviders]
    public async Task ABehaviourWithACrmSignal_ShowsTheMenteesMeasuredValuePerMonth_AsTheScorecardComputesIt(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);

        var goal = Assert.Single((await HealthWorld.Ok(w.AdoptionAsync(w.Mentee))).Behaviours);

        // The last six months up to today (2026-06-15), each the value the scorecard's behaviour signals give for that month.
        Assert.NotEqual(CrmSignal.None, goal.Signal);
        Assert.True(goal.SignalMeasured);
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], goal.Measured.Select(p => p.Period));
        var series = await app.InScopeAsync(s => s.Get<SalesMentor.App.Kpis.BehaviourSignalReader>().ReadAsync(w.World.RepA.Id, new DateOnly(2026, 1, 1), 6, null, default));
        var expected = series.Months.Select(m => SalesMentor.App.Features.Kpis.CrmSignalValues.Of(goal.Signal, m) is { } v ? Math.Round(v, 4) : (decimal?)null);
        Assert.Equal(expected, goal.Measured.Select(p => p.Value));
        Assert.Contains(goal.Measured, p => p.Value is not null);
    }

    [Theory, BothProviders]
    public async Task BadInput_IsAClearError_AndNothingIsStored(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal("adoption.goal", (await w.CheckAsync(w.Mentee, AdoptionLevel.Trying, goal: Guid.CreateVersion7())).Error?.Code);
        Assert.Equal("adoption.level", (await w.CheckAsync(w.Mentee, (AdoptionLevel)9)).Error?.Code);
        Assert.Equal("adoption.day.future", (await w.CheckAsync(w.Mentee, AdoptionLevel.Trying, on: today.AddDays(1))).Error?.Code);
        Assert.Equal("adoption.evidence.too_long", (await w.CheckAsync(w.Mentee, AdoptionLevel.Trying, new string('x', 501))).Error?.Code);
        Task<Result<ValueObservationView>> Observe(Guid value, string? text) =>
            app.InScopeAsync(s => s.Get<RecordValueObservation>().HandleAsync(w.Mentee, w.Current, new ValueObservationRequest(value, text), default));
        var valueId = await app.InScopeAsync(s => s.Db.CompanyValues.Select(v => v.Id).FirstAsync());
        Assert.Equal("value_observation.value", (await Observe(Guid.CreateVersion7(), "x")).Error?.Code);
        Assert.Equal(("value_observation.text.required", "Give what was seen."), ((await Observe(valueId, "  ")).Error?.Code, (await Observe(valueId, "  ")).Error?.Message));
        Assert.Equal("mentorship.ended", (await app.InScopeAsync(s => s.Get<RecordValueObservation>().HandleAsync(w.Mentee, w.Former,
            new ValueObservationRequest(valueId, "x"), default))).Error?.Code);
        Assert.Equal((0, 0), (await app.InScopeAsync(s => s.Db.AdoptionChecks.CountAsync()), await app.InScopeAsync(s => s.Db.ValueObservations.CountAsync())));

        var failures = new List<string>();
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b"))
        {
            var check = await w.CheckAsync(w.Mentee, AdoptionLevel.Trying, text);
            var expected = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            if (check.IsSuccess && check.Value.Evidence != expected) failures.Add($"evidence {text}: read back {check.Value.Evidence}");
            if (!check.IsSuccess && (check.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"evidence {text}: {check.Error.Code}");
            var seen = await Observe(valueId, text);
            if (seen.IsSuccess && seen.Value.WhatWasSeen != expected) failures.Add($"seen {text}: read back {seen.Value.WhatWasSeen}");
            if (!seen.IsSuccess && (seen.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"seen {text}: {seen.Error.Code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
