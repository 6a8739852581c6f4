using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Observability;

namespace SalesMentor.App.Mail;

/// <summary>The outbox by status, and how long the oldest pending message has waited.</summary>
public sealed record OutboxCounts(long Pending, long Sent, long Logged, long Failed, TimeSpan OldestPendingAge);

/// <summary>
/// Counts the outbox every 15 seconds for the <c>salesmentor.outbox.messages</c> gauge (a scrape
/// never waits on the database) and on demand for the readiness check.
/// </summary>
public sealed partial class OutboxMonitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private OutboxCounts? _last;
    private int _registered;

    public OutboxCounts? Last => _last;

    public async Task<OutboxCounts> CountAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var byStatus = await db.Outbox.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var oldest = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(ct);
        long Of(OutboxStatus status) => byStatus.FirstOrDefault(s => s.Key == status)?.Count ?? 0;
        var age = oldest is null ? TimeSpan.Zero : clock.GetUtcNow().UtcDateTime - oldest.Value;
        return _last = new OutboxCounts(Of(OutboxStatus.Pending), Of(OutboxStatus.Sent), Of(OutboxStatus.Logged), Of(OutboxStatus.Failed), age);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0) AppMetrics.ObserveOutbox(Measure);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await CountAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCountFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private IEnumerable<Measurement<long>> Measure()
    {
        if (_last is not { } last) yield break;
        yield return new(last.Pending, new KeyValuePair<string, object?>("status", "pending"));
        yield return new(last.Sent, new KeyValuePair<string, object?>("status", "sent"));
        yield return new(last.Logged, new KeyValuePair<string, object?>("status", "logged"));
        yield return new(last.Failed, new KeyValuePair<string, object?>("status", "failed"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the outbox failed; the next count tries again")]
    private partial void LogCountFailed(Exception e);
}
