using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Mail;

/// <summary>
/// Puts mail into the outbox inside the caller's unit of work: the mail exists exactly when the
/// change that caused it was committed. Never put confidential text into a mail.
/// </summary>
public sealed class Mailer(SalesMentorDb db, TimeProvider clock, OutboxSignal signal)
{
    public OutboxMessage Enqueue(string toAddress, string? toName, string subject, string textBody, string category, string? calendarIcs = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        var message = new OutboxMessage
        {
            Id = id,
            MessageId = $"{id:N}@salesmentor",
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            Category = category,
            CalendarIcs = calendarIcs,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Outbox.Add(message);
        signal.NotifyAfterCommit();
        return message;
    }
}

/// <summary>Wakes the outbox sender early when new mail was committed.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void NotifyAfterCommit()
    {
        // Released now; the sender's claim query only sees the row once the commit is visible,
        // and otherwise picks it up on its next poll.
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    public void Dispose() => _semaphore.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
