using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Observability;

namespace SalesMentor.App.Features.Sessions;

/// <summary>
/// Runs <see cref="SendSessionReminders"/> every <c>Sessions:ReminderCheckMinutes</c> (default 5; 0 switches it off).
/// The use case is idempotent, so a missed or doubled tick — or several instances — never sends a mail twice.
/// </summary>
public sealed partial class SessionReminderService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SessionReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Sessions:ReminderCheckMinutes", 5.0);
        if (minutes <= 0) return;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SendSessionReminders>().HandleAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                    AppMetrics.JobRan("session-reminders", succeeded: true, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                    AppMetrics.JobRan("session-reminders", succeeded: false, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending session reminders failed; the next tick tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
