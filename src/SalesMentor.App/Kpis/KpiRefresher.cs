using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SalesMentor.App.Kpis;

/// <summary>
/// Keeps the web app's KPI cache warm: shortly after start, then every <c>Kpis:RefreshSeconds</c> (default 60; 0
/// switches it off), it asks the cache, which recomputes only when the data or the settings changed. So after an
/// import the first reader seldom waits for the recompute (about 4 s on the large demo).
/// </summary>
public sealed partial class KpiRefresher(KpiCache cache, IConfiguration configuration, ILogger<KpiRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Kpis:RefreshSeconds", 60.0);
        if (seconds <= 0) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(seconds, 2)), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
            do
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await cache.GetAsync(stoppingToken);
                    Observability.AppMetrics.JobRan("kpi-refresh", succeeded: true, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, e);
                    Observability.AppMetrics.JobRan("kpi-refresh", succeeded: false, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the KPI cache failed; the next read tries again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
