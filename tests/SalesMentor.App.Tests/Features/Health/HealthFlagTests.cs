using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Features.Sessions;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Health;

public class HealthFlagTests
{
    [Theory, BothProviders]
    public async Task ALowPulseAnswer_FlagsCohesionLowForTheAdmin_WithoutSideOrAnswer_AndThePairIsToldWhatTheAdminSees(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        var before = await HealthWorld.Ok(w.ProgramHealthAsync());
        Assert.Empty(before.AtRisk);

        await HealthWorld.Ok(w.PulseAsync(w.Mentor, w.Current, 5, 5, 5, 5, "CANARY-mentor"));
        await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 4, 2, 4, 4, "CANARY-mentee"));

        var health = await HealthWorld.Ok(w.ProgramHealthAsync());
        var pair = Assert.Single(health.AtRisk);
        Assert.Equal((w.Current, "Stella Star", "Zoë O'Brien"), (pair.MentorshipId, pair.Mentor.Name, pair.Mentee.Name));
        Assert.Equal(["cohesion low"], pair.Reasons);
        Assert.Empty(health.Aggregates); // two people in an open round: nothing to show

        var mentor = await HealthWorld.Ok(w.PairHealthAsync(w.Mentor));
        Assert.Empty(mentor.Flags); // "cohesion low" would tell the mentor, who answered 5s, how the mentee answered
        Assert.Contains("admins see health flags", mentor.AdminNotice, StringComparison.Ordinal);
        Assert.Contains("never see your pulse answers or comments", mentor.AdminNotice, StringComparison.Ordinal);
        Assert.False(mentor.PulseDue);
    }

    [Theory, BothProviders]
    public async Task NoSessionForThreeWeeks_AndOverdueActions_AreFlagged_ForTheAdminAndThePair(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        w.Weeks(3);
        Assert.Empty((await HealthWorld.Ok(w.ProgramHealthAsync())).AtRisk);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["no session in 3 weeks"], Assert.Single((await HealthWorld.Ok(w.ProgramHealthAsync())).AtRisk).Reasons);

        var session = await HealthWorld.Ok(app.InScopeAsync(s => s.Get<ScheduleSession>().HandleAsync(w.Mentee, w.Current,
            new SessionRequest(app.Clock.GetUtcNow().AddHours(-2), 60, "Office", null), default)));
        var due = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        await HealthWorld.Ok(app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(w.Mentor, session.Id,
            new SessionLogRequest(SessionStatus.Held, "Pipeline", null, [new ActionItemInput(null, "Call back Acme", "mentee", due)], [], session.Version), default)));
        Assert.Empty((await HealthWorld.Ok(w.ProgramHealthAsync())).AtRisk);

        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(["actions overdue"], Assert.Single((await HealthWorld.Ok(w.ProgramHealthAsync())).AtRisk).Reasons);
        Assert.Equal(["actions overdue"], (await HealthWorld.Ok(w.PairHealthAsync(w.Mentee))).Flags);
    }

    [Theory, BothProviders]
    public async Task GoalsNotMovingAtMidTerm_IsFlagged_UntilAnAdoptionLevelRises(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        await HealthWorld.Ok(w.CheckAsync(w.Mentee, AdoptionLevel.Trying, "Asked for the next step on two calls"));
        // Mid-term of 2026-06-15 … 2026-12-31 is 2026-09-22; keep sessions going so only the goals speak.
        w.Weeks(15);
        await HoldSessionAsync(w);
        var reasons = Assert.Single((await HealthWorld.Ok(w.ProgramHealthAsync())).AtRisk).Reasons;
        Assert.Equal(["goals not moving"], reasons);

        await HealthWorld.Ok(w.CheckAsync(w.Mentor, AdoptionLevel.Practising, "Saw it on the Acme call"));
        Assert.Empty((await HealthWorld.Ok(w.ProgramHealthAsync())).AtRisk);
    }

    [Theory, BothProviders]
    public async Task TheHealthPage_IsForTheProgramsManagers_AndItsSettingsAreCheckedAndLockedOncePulsesStart(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        foreach (var (who, actor) in new[] { ("mentee", w.Mentee), ("supervisor", TestApp.As(w.World.SupervisorA)), ("vp", TestApp.As(w.World.Vp)) })
        {
            Assert.True((await w.ProgramHealthAsync(actor)).Error?.Kind == ErrorKind.Forbidden, who);
        }

        Assert.Equal(ErrorKind.NotFound, (await app.InScopeAsync(s => s.Get<GetProgramHealth>().HandleAsync(w.Admin, Guid.CreateVersion7(), default))).Error?.Kind);
        var settings = (await HealthWorld.Ok(w.ProgramHealthAsync())).Settings;
        Assert.Equal((4, 3, false), (settings.PulseEveryWeeks, settings.NoSessionAlertWeeks, settings.PulseIntervalLocked));

        Task<Result<HealthSettingsView>> Save(int pulse, int session, int version, Actor? actor = null) =>
            app.InScopeAsync(s => s.Get<SaveHealthSettings>().HandleAsync(actor ?? w.Admin, w.ProgramId, new HealthSettingsRequest(pulse, session, version), default));
        Assert.Equal("health.pulse_weeks", (await Save(0, 3, settings.Version)).Error?.Code);
        Assert.Equal("health.no_session_weeks", (await Save(4, 13, settings.Version)).Error?.Code);
        Assert.Equal(ErrorKind.Forbidden, (await Save(2, 2, settings.Version, w.Mentee)).Error?.Kind);
        var saved = await HealthWorld.Ok(Save(2, 5, settings.Version));
        Assert.Equal("concurrency.conflict", (await Save(3, 5, settings.Version)).Error?.Code);

        await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 4, 4, 4, 4));
        var locked = await Save(3, 5, saved.Version);
        Assert.Equal("health.pulses_started", locked.Error?.Code);
        var sessionWeeks = await HealthWorld.Ok(Save(2, 6, saved.Version));
        Assert.Equal((2, 6, true), (sessionWeeks.PulseEveryWeeks, sessionWeeks.NoSessionAlertWeeks, sessionWeeks.PulseIntervalLocked));
    }

    private static async Task HoldSessionAsync(HealthWorld w)
    {
        var session = await HealthWorld.Ok(w.App.InScopeAsync(s => s.Get<ScheduleSession>().HandleAsync(w.Mentee, w.Current,
            new SessionRequest(w.App.Clock.GetUtcNow().AddHours(-1), 45, "Office", null), default)));
        await HealthWorld.Ok(w.App.InScopeAsync(s => s.Get<LogSession>().HandleAsync(w.Mentee, session.Id,
            new SessionLogRequest(SessionStatus.Held, null, null, [], [], session.Version), default)));
    }
}
