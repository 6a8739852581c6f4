using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Jobs;

/// <summary>The <c>pulse-reminders</c> job, fired through the real scheduler: both of a due pair get the mail through the outbox, once.</summary>
public class PulseReminderJobTests
{
    [Theory, BothProviders]
    public async Task PulseRemindersJob_FiredTwice_MailsEachSideOnce(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var host = await WebTestHost.StartOnAsync(database, new Dictionary<string, string?>());
        var world = await host.CreateWorldAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            db.Mentorships.Add(new Mentorship
            {
                MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3),
                Source = "imported", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var first = await NightlyBackupJobTests.FireAsync(host, "pulse-reminders");
        var second = await NightlyBackupJobTests.FireAsync(host, "pulse-reminders");

        Assert.True(first.Succeeded && second.Succeeded, first.Summary + " / " + second.Summary);
        foreach (var to in new[] { world.RepA.Email!, world.Star.Email! })
        {
            var mail = await host.Smtp.WaitForAsync(to, m => m.Subject == "Your pulse check-in is due");
            Assert.Contains("Only you read your answers", mail.TextBody ?? "", StringComparison.Ordinal);
        }

        await using var check = host.Services.CreateAsyncScope();
        var outbox = await check.ServiceProvider.GetRequiredService<SalesMentorDb>().Outbox.AsNoTracking()
            .Where(m => m.Category == SendPulseReminders.Category).Select(m => m.ToAddress).ToListAsync();
        Assert.Equal(["rep.a@world.test", "star@world.test"], outbox.Order(StringComparer.Ordinal));
    }
}
