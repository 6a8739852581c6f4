using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Tests.Features.Confidential;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Closing;

/// <summary>"Your pulse check-in is due": once per person, mentorship and round, to whoever has not answered, never with an answer in it.</summary>
public class PulseReminderTests
{
    private static Task<int> RunAsync(TestApp app) => ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<SendPulseReminders>().HandleAsync(default)));

    private static Task<List<OutboxMessage>> MailsAsync(TestApp app) =>
        app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().Where(m => m.Category == SendPulseReminders.Category).OrderBy(m => m.ToAddress).ToListAsync());

    [Theory, BothProviders]
    public async Task WhoeverHasNotAnsweredThisRound_IsRemindedOnce_AndAgainNextRound(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        await w.EndAsync(w.Former);
        await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<RecordPulse>().HandleAsync(w.Mentee, w.Current, new PulseRequest(1, 1, 1, 1, "CANARY-pulse-comment"), default)));

        Assert.Equal(1, await RunAsync(app));   // the mentor only: the mentee answered, the ended mentorship is left alone
        Assert.Equal(0, await RunAsync(app));
        var first = await MailsAsync(app);
        Assert.Equal(["star@world.test"], first.Select(m => m.ToAddress));
        Assert.Equal("Your pulse check-in is due", first[0].Subject);
        Assert.Contains("your mentorship with Zoë O'Brien is due", first[0].TextBody, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(28));   // the next round (every 4 weeks, counted from the start)
        var twice = await Task.WhenAll(RunAsync(app), RunAsync(app));
        Assert.Equal(2, twice.Sum());
        Assert.Equal(0, await RunAsync(app));
        var all = await MailsAsync(app);
        Assert.Equal(["rep.a@world.test", "star@world.test", "star@world.test"], all.Select(m => m.ToAddress));
        Assert.All(all, m => Assert.DoesNotContain("CANARY", m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain(all, m => m.TextBody.Contains("Ahmed", StringComparison.Ordinal));   // the former mentor of the ended one
        var marks = await app.InScopeAsync(s => s.Db.PulseReminders.AsNoTracking().ToListAsync());
        Assert.Equal(3, marks.Count);
        Assert.Equal(marks.Count, marks.Select(r => (r.MentorshipId, r.PersonId, r.Round)).Distinct().Count());
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
    }
}
