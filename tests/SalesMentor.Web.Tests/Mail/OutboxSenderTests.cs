using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Mail;

public class OutboxSenderTests
{
    private static async Task<OutboxMessage> EnqueueAsync(WebTestHost host, string to)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<Mailer>().Enqueue(to, "Recipient", "Hello", "Plain body", "test");
        await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().SaveChangesAsync();
        return message;
    }

    private static async Task<OutboxMessage> ReloadAsync(WebTestHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task<OutboxMessage> WaitForStatusAsync(WebTestHost host, Guid id, Func<OutboxMessage, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var message = await ReloadAsync(host, id);
            if (done(message)) return message;
            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox message never reached the expected state.");
    }

    [Fact]
    public async Task Queued_Mail_IsDeliveredOnceWithItsStableMessageId()
    {
        await using var host = await WebTestHost.StartAsync();
        var queued = await EnqueueAsync(host, "zoe@example.test");

        var received = await host.Smtp.WaitForAsync("zoe@example.test");
        var stored = await WaitForStatusAsync(host, queued.Id, m => m.Status == OutboxStatus.Sent);

        Assert.Equal(queued.MessageId, received.MessageId);
        Assert.Equal("Plain body", received.TextBody?.Trim());
        Assert.Equal(1, stored.Attempts);
        Assert.NotNull(stored.SentAt);
        await Task.Delay(1000);
        Assert.Single(host.Smtp.Messages, m => m.MessageId == queued.MessageId);
    }

    [Fact]
    public async Task ACalendarEntry_TravelsAsInviteIcs_WithItsMethod()
    {
        await using var host = await WebTestHost.StartAsync();
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:x@salesmentor\r\nSEQUENCE:2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Mailer>().Enqueue("cal@example.test", "Cal", "Session cancelled", "The session is cancelled.", "session", ics);
            await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().SaveChangesAsync();
        }

        var received = await host.Smtp.WaitForAsync("cal@example.test");

        var attachment = Assert.Single(received.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal(("invite.ics", "text/calendar", "CANCEL"), (attachment.FileName, attachment.ContentType.MimeType, attachment.ContentType.Parameters["method"]));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(ics, System.Text.Encoding.UTF8.GetString(content.ToArray()));
        Assert.Equal("The session is cancelled.", received.TextBody?.Trim());
    }

    [Fact]
    public async Task MailServerDown_RetriesWithBackOff_ThenDelivers()
    {
        var port = TestSmtpServer.FreePort();
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:RetryBaseSeconds"] = "0.5",
        });
        var queued = await EnqueueAsync(host, "late@example.test");

        var failing = await WaitForStatusAsync(host, queued.Id, m => m.Attempts >= 2);
        Assert.Equal(OutboxStatus.Pending, failing.Status);
        Assert.NotNull(failing.LastError);

        await using var smtp = await TestSmtpServer.StartAsync(port);
        var received = await smtp.WaitForAsync("late@example.test", timeout: TimeSpan.FromSeconds(30));
        var sent = await WaitForStatusAsync(host, queued.Id, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(queued.MessageId, received.MessageId);
        Assert.True(sent.Attempts >= 3);
    }

    [Fact]
    public async Task GivesUp_AfterTheMaximumAttempts()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Port"] = TestSmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:RetryBaseSeconds"] = "0.1",
            ["Mail:MaxAttempts"] = "3",
        });
        var queued = await EnqueueAsync(host, "never@example.test");
        var failed = await WaitForStatusAsync(host, queued.Id, m => m.Status == OutboxStatus.Failed);
        Assert.Equal(3, failed.Attempts);
    }

    [Fact]
    public async Task ClaimOfACrashedInstance_Expires_AndTheMailIsSentAgainWithTheSameId()
    {
        await using var host = await WebTestHost.StartAsync();
        Guid id;
        string messageId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            var message = scope.ServiceProvider.GetRequiredService<Mailer>().Enqueue("crash@example.test", null, "Hi", "Body", "test");
            // Another instance claimed it and died: its claim ran out a second ago.
            message.ClaimedBy = "dead-instance";
            message.ClaimedUntil = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
            (id, messageId) = (message.Id, message.MessageId);
        }

        var received = await host.Smtp.WaitForAsync("crash@example.test");
        Assert.Equal(messageId, received.MessageId);
        Assert.Equal(OutboxStatus.Sent, (await WaitForStatusAsync(host, id, m => m.Status == OutboxStatus.Sent)).Status);
    }

    [Fact]
    public async Task LiveClaimOfAnotherInstance_IsLeftAlone()
    {
        await using var host = await WebTestHost.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var message = scope.ServiceProvider.GetRequiredService<Mailer>().Enqueue("claimed@example.test", null, "Hi", "Body", "test");
        message.ClaimedBy = "other-instance";
        message.ClaimedUntil = DateTime.UtcNow.AddMinutes(5);
        await db.SaveChangesAsync();

        var handled = await host.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

        Assert.Equal(0, handled);
        await Task.Delay(1000);
        Assert.DoesNotContain(host.Smtp.Messages, m => m.To.ToString().Contains("claimed@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoMailServer_WritesTheMailToTheLog()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Host"] = "" });
        var queued = await EnqueueAsync(host, "logged@example.test");
        var stored = await WaitForStatusAsync(host, queued.Id, m => m.Status == OutboxStatus.Logged);
        Assert.NotNull(stored.SentAt);
        Assert.Contains(host.Logs.Lines, l => l.Contains("logged@example.test", StringComparison.Ordinal) && l.Contains("Plain body", StringComparison.Ordinal));
        Assert.Empty(host.Smtp.Messages);
    }
}
