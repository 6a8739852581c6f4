using Ical.Net;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Sessions;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

public class SessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 9, 30, 0, TimeSpan.FromHours(2));

    private static Task<Result<SessionView>> ScheduleAsync(ConfidentialWorld w, Actor actor, SessionRequest request) =>
        w.App.InScopeAsync(s => s.Get<ScheduleSession>().HandleAsync(actor, w.Current, request, default));

    [Theory, BothProviders]
    public async Task Schedule_Move_Cancel_MailBothAProperCalendarEntry_UnderOneUid(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);

        var scheduled = await ConfidentialWorld.Ok(ScheduleAsync(w, w.Mentee, new SessionRequest(Start, 45, "Café Central", null)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var moved = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<UpdateSession>().HandleAsync(w.Mentor, scheduled.Id,
            new SessionRequest(Start.AddDays(1), 60, null, "https://meet.example/abc", scheduled.Version), default)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var cancelled = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<CancelSession>().HandleAsync(w.Mentee, scheduled.Id, new SessionVersionRequest(moved.Version), default)));
        var download = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetSessionIcs>().HandleAsync(w.Mentor, scheduled.Id, default)));

        Assert.Equal(new DateTime(2026, 7, 1, 7, 30, 0), scheduled.StartsAt);
        Assert.Equal((0, 1, 2, SessionStatus.Cancelled), (scheduled.Sequence, moved.Sequence, cancelled.Sequence, cancelled.Status));
        var mails = await app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().Where(m => m.Category == "session").OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
        Assert.Equal(6, mails.Count);
        Assert.Equal(["rep.a@world.test", "star@world.test"], mails.Select(m => m.ToAddress).Distinct().Order(StringComparer.Ordinal));
        var calendars = mails.Select(m => Calendar.Load(m.CalendarIcs!)!).ToList();
        Assert.All(calendars, c => Assert.Equal(scheduled.Id.ToString("N") + "@salesmentor", c.Events.Single().Uid));
        Assert.Equal(["REQUEST", "REQUEST", "REQUEST", "REQUEST", "CANCEL", "CANCEL"], calendars.Select(c => c.Method));
        Assert.Equal([0, 0, 1, 1, 2, 2], calendars.Select(c => c.Events.Single().Sequence));
        Assert.Equal("Café Central", calendars[0].Events.Single().Location);
        Assert.Equal(new DateTime(2026, 7, 2, 7, 30, 0), calendars[2].Events.Single().DtStart!.AsUtc);
        Assert.Equal(60, (int)(calendars[2].Events.Single().DtEnd!.AsUtc - calendars[2].Events.Single().DtStart!.AsUtc).TotalMinutes);
        Assert.Equal("CANCELLED", calendars[4].Events.Single().Status);
        Assert.Contains("METHOD:CANCEL", download, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", download, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task TheLog_IsForThePairOnly_AndAStaleLogIsAConflict(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var session = await ConfidentialWorld.Ok(ScheduleAsync(w, w.Mentor, new SessionRequest(Start, 45, null, null)));
        var behaviour = await app.InScopeAsync(s => s.Db.Behaviours.Select(b => b.Id).FirstAsync());
        var log = new SessionLogRequest(SessionStatus.Held, "Pricing calls", "## What we did\n<script>alert(1)</script> role-play",
            [new ActionItemInput(null, "Record two calls", "mentee", new DateOnly(2026, 7, 8))], [behaviour], session.Version);

        var logged = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(w.Mentee, session.Id, log, default)));
        var stale = await app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(w.Mentor, session.Id, log with { Agenda = "other" }, default));
        var list = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<ListSessions>().HandleAsync(w.Mentor, w.Current, default)));

        Assert.Equal((SessionStatus.Held, "mentee", 1), (logged.Status, logged.ActionItems.Single().Owner, logged.BehaviourIds.Count));
        Assert.Equal("concurrency.conflict", stale.Error?.Code);
        Assert.Equal("Pricing calls", list.Sessions.Single().Agenda);
        foreach (var (who, actor) in w.Outsiders)
        {
            Assert.True((await app.InScopeAsync(s => s.Get<ListSessions>().HandleAsync(actor, w.Current, default))).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await app.InScopeAsync(s => s.Get<GetSessionIcs>().HandleAsync(actor, session.Id, default))).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(actor, session.Id, log with { Version = logged.Version }, default))).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await ScheduleAsync(w, actor, new SessionRequest(Start, 45, null, null))).Error?.Kind == ErrorKind.NotFound, who);
        }
    }

    [Theory, BothProviders]
    public async Task BadInput_IsRefusedWithAClearError_AndNaughtyTextRoundTrips(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var bad = new[]
        {
            new SessionRequest(default, 45, null, null), new SessionRequest(Start, 0, null, null), new SessionRequest(Start, 45, null, "javascript:alert(1)"),
            new SessionRequest(Start, 45, "a\0b", null),
        };
        var codes = new List<string?>();
        foreach (var r in bad) codes.Add((await ScheduleAsync(w, w.Mentee, r)).Error?.Code);
        Assert.Equal(["session.starts_at", "session.duration", "session.video_link.invalid", "session.place.invalid"], codes);

        var session = await ConfidentialWorld.Ok(ScheduleAsync(w, w.Mentee, new SessionRequest(Start, 45, null, null)));
        var version = session.Version;
        var failures = new List<string>();
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b"))
        {
            var saved = await app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(w.Mentee, session.Id,
                new SessionLogRequest(SessionStatus.Held, text, text, [], [], version), default));
            if (saved.IsSuccess) version = saved.Value.Version;
            if (saved.IsSuccess && ((saved.Value.Agenda ?? "") != text.Trim() || (saved.Value.SharedNotes ?? "") != text.Trim())) failures.Add($"{text}: read back {saved.Value.Agenda}");
            if (!saved.IsSuccess && (saved.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"{text}: {saved.Error.Code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
