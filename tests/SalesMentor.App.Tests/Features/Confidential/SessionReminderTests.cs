using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Sessions;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

/// <summary>Reminders before sessions and nudges after unlogged ones: due ones go out once, to both, without confidential text.</summary>
public class SessionReminderTests
{
    // TestApp's clock stands at 2026-06-15 12:00 UTC.
    private static readonly DateTimeOffset Tomorrow = new(2026, 6, 16, 9, 0, 0, TimeSpan.Zero);

    private static Task<SessionView> ScheduleAsync(ConfidentialWorld w, Guid mentorship, DateTimeOffset at, Actor? actor = null) =>
        ConfidentialWorld.Ok(w.App.InScopeAsync(s => s.Get<ScheduleSession>().HandleAsync(actor ?? w.Mentee, mentorship, new SessionRequest(at, 45, "Room 4", null), default)));

    private static Task<SessionRemindersSent> RunAsync(TestApp app) =>
        ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<SendSessionReminders>().HandleAsync(app.Clock.GetUtcNow().UtcDateTime, default)));

    private static Task<List<OutboxMessage>> MailsAsync(TestApp app, string category) =>
        app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().Where(m => m.Category == category).ToListAsync());

    [Theory, BothProviders]
    public async Task AReminderGoesToBothOnce_AndAgainAfterTheSessionMoves(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        await w.RaiseAsync(w.Current, "CANARY-reminder-concern");
        var soon = await ScheduleAsync(w, w.Current, Tomorrow);
        await ScheduleAsync(w, w.Current, Tomorrow.AddDays(3));   // beyond the 24-hour lead: not yet

        Assert.Equal(new SessionRemindersSent(1, 0), await RunAsync(app));
        Assert.Equal(new SessionRemindersSent(0, 0), await RunAsync(app));
        var mails = await MailsAsync(app, "session-reminder");
        Assert.Equal(["rep.a@world.test", "star@world.test"], mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains("2026-06-16 09:00 UTC", m.TextBody, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain("CANARY-", m.Subject + m.TextBody, StringComparison.Ordinal));

        var current = await app.InScopeAsync(s => s.Db.Sessions.AsNoTracking().SingleAsync(x => x.Id == soon.Id));
        await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<UpdateSession>().HandleAsync(w.Mentor, soon.Id,
            new SessionRequest(Tomorrow.AddHours(2), 45, "Room 5", null, current.Version), default)));
        Assert.Equal(new SessionRemindersSent(1, 0), await RunAsync(app));
        Assert.Equal(4, (await MailsAsync(app, "session-reminder")).Count);

        // Three days later the third session comes within the lead time, and the first, never logged, is nudged.
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(new SessionRemindersSent(1, 1), await RunAsync(app));
    }

    [Theory, BothProviders]
    public async Task AnUnloggedSessionIsNudgedOnce_ALoggedOneAndAClosedMentorshipNever(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var unlogged = await ScheduleAsync(w, w.Current, Tomorrow.AddDays(-3));
        var logged = await ScheduleAsync(w, w.Current, Tomorrow.AddDays(-4));
        await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(w.Mentor, logged.Id,
            new SessionLogRequest(SessionStatus.Held, "CANARY-agenda", "CANARY-notes", [], [], logged.Version), default)));
        await ScheduleAsync(w, w.Former, Tomorrow.AddDays(-3), w.Mentee);
        await ScheduleAsync(w, w.Former, Tomorrow, w.Mentee);
        await w.EndAsync(w.Former);
        await ScheduleAsync(w, w.Current, Tomorrow.AddDays(-40));   // long ago: outside the nudge window

        Assert.Equal(new SessionRemindersSent(0, 1), await RunAsync(app));
        Assert.Equal(new SessionRemindersSent(0, 0), await RunAsync(app));
        var nudges = await MailsAsync(app, "session-nudge");
        Assert.Equal(2, nudges.Count);
        Assert.All(nudges, m => Assert.Contains("2026-06-13 09:00 UTC", m.Subject, StringComparison.Ordinal));
        Assert.All(nudges, m => Assert.DoesNotContain("CANARY-", m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.NotNull(await app.InScopeAsync(s => s.Db.Sessions.Where(x => x.Id == unlogged.Id).Select(x => x.LogNudgeSentAt).SingleAsync()));
    }

    [Theory, BothProviders]
    public async Task TwoRunsAtOnce_SendEachMailOnce(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        for (var i = 0; i < 4; i++) await ScheduleAsync(w, w.Current, Tomorrow.AddMinutes(30 * i));

        var runs = await Task.WhenAll(RunAsync(app), RunAsync(app));

        Assert.Equal(4, runs.Sum(r => r.Reminders));
        Assert.Equal(8, (await MailsAsync(app, "session-reminder")).Count);
    }
}
