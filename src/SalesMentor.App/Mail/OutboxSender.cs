using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Mail;

/// <summary>
/// Sends what the outbox holds, at least once. Each instance claims a message before sending
/// (a conditional update, so two instances never both claim it); a claim expires, so a message
/// held by a crashed instance is sent by another. Failed attempts back off exponentially.
/// </summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, MailOptions options, OutboxSignal signal, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
                Observability.AppMetrics.JobRan("outbox", succeeded: true, clock.GetElapsedTime(started));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSenderFailed(e);
                Observability.AppMetrics.JobRan("outbox", succeeded: false, clock.GetElapsedTime(started));
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(20).ToListAsync(ct);
        var handled = 0;
        foreach (var id in candidates)
        {
            var until = now + ClaimDuration;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, _instance).SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0) continue;
            var message = await db.Outbox.SingleAsync(m => m.Id == id, ct);
            await DeliverAsync(message, ct);
            message.ClaimedBy = null;
            message.ClaimedUntil = null;
            await db.SaveChangesAsync(ct);
            handled++;
        }

        return handled;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        if (!options.IsConfigured)
        {
            LogMailWithoutServer(message.ToAddress, message.Category, message.Subject, message.TextBody);
            message.Status = OutboxStatus.Logged;
            message.SentAt = now;
            Observability.AppMetrics.OutboxDelivery("logged");
            return;
        }

        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(options.Host!, options.Port, options.Security, ct);
            if (!string.IsNullOrEmpty(options.Username)) await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            await client.SendAsync(ToMime(message), ct);
            await client.DisconnectAsync(quit: true, ct);
            message.Status = OutboxStatus.Sent;
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            LogSent(message.Id, message.Category);
            Observability.AppMetrics.OutboxDelivery("sent");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            message.LastError = $"{e.GetType().Name}: {e.Message}";
            if (message.Attempts >= options.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
            }
            else
            {
                var delay = Math.Min(3600, options.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
                message.NextAttemptAt = now.AddSeconds(delay);
            }

            LogAttemptFailed(message.Id, message.Attempts, e.GetType().Name);
            Observability.AppMetrics.OutboxDelivery(message.Status == OutboxStatus.Failed ? "failed" : "retry");
        }
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage { MessageId = message.MessageId, Subject = message.Subject };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        var body = new BodyBuilder { TextBody = message.TextBody };
        if (message.HtmlBody is not null) body.HtmlBody = message.HtmlBody;
        mime.Body = body.ToMessageBody();
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail server is configured (Mail:Host); this mail to {To} ({Category}) is written here instead.\nSubject: {Subject}\n{Body}")]
    private partial void LogMailWithoutServer(string to, string category, string subject, string body);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent outbox message {Id} ({Category})")]
    private partial void LogSent(Guid id, string category);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on attempt {Attempt}: {ErrorType}")]
    private partial void LogAttemptFailed(Guid id, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender failed; it will try again")]
    private partial void LogSenderFailed(Exception e);
}
