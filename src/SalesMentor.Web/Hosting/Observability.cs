using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using SalesMentor.App.Mail;
using SalesMentor.App.Observability;
using SalesMentor.Web.Security;

namespace SalesMentor.Web.Hosting;

/// <summary>
/// Health probes, structured logs and metrics (docs/operations.md):
/// <c>/health</c> says the process serves; <c>/health/ready</c> checks the database and the outbox
/// backlog; <c>/metrics</c> is the Prometheus scrape, for loopback or a configured token only.
/// JSON logs (<c>Logging:Console:FormatterName=json</c>) carry the request id and the signed-in
/// person's id in their scopes; never what anyone wrote.
/// </summary>
public static class Observability
{
    public const string ReadyTag = "ready";

    public static void AddSalesMentorObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        services.AddSingleton<OutboxMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxMonitor>());
        services.AddSingleton(sp => MetricsAccess.From(sp.GetRequiredService<IConfiguration>()));
        services.AddHealthChecks().AddCheck<OutboxBacklogCheck>("outbox", tags: [ReadyTag]).AddCheck<JobSchedulerCheck>("jobs", tags: [ReadyTag]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(AppMetrics.MeterName)
            .AddView(DropPerComponentTimings)
            .AddPrometheusExporter());
    }

    /// <summary>
    /// Blazor's lifecycle meter times every component's parameter update and every render batch, one histogram per
    /// component type (over a hundred series here). Measuring it costs about 4 % of a page's CPU, and it answers a
    /// profiling question, not an operator's: dropped, so the instruments are never enabled and never measured.
    /// Navigation and event counts (the <c>Microsoft.AspNetCore.Components</c> meter) stay.
    /// </summary>
    internal static MetricStreamConfiguration? DropPerComponentTimings(System.Diagnostics.Metrics.Instrument instrument) =>
        instrument.Meter.Name == "Microsoft.AspNetCore.Components.Lifecycle" ? MetricStreamConfiguration.Drop : null;

    /// <summary>
    /// With <c>InstanceName</c> set, every response says which app instance served it (<c>X-SalesMentor-Instance</c>):
    /// for an operator behind a load balancer, and for the two-instance test.
    /// </summary>
    public static void UseInstanceHeader(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = app.Configuration["InstanceName"];
        if (string.IsNullOrWhiteSpace(name)) return;
        app.Use((context, next) =>
        {
            context.Response.Headers["X-SalesMentor-Instance"] = name;
            return next(context);
        });
    }

    /// <summary>Puts the signed-in person's id (and how they signed in) in the scope of every log line of the request.</summary>
    public static void UsePersonLogScope(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SalesMentor.Requests");
        app.Use(async (context, next) =>
        {
            var person = context.User.FindFirstValue(Actors.PersonClaim);
            if (person is null)
            {
                await next(context);
                return;
            }

            var via = ApiTokenAuthentication.ScopeOf(context.User) is null ? "cookie" : "token";
            using (logger.BeginScope(new KeyValuePair<string, object?>[] { new("PersonId", person), new("SignedInWith", via) }))
            {
                await next(context);
            }
        });
    }

    public static void MapSalesMentorProbes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadyAsync,
        }).AllowAnonymous();

        var access = app.Services.GetRequiredService<MetricsAccess>();
        if (!access.Enabled) return;
        app.UseWhen(context => context.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (context, next) =>
        {
            if (!access.Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }

    /// <summary>Each check's status and time, never an exception's text (it could name a server or a person).</summary>
    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        });
    }
}

/// <summary>
/// Ready while the outbox keeps up: degraded (still 200, so the instance stays in rotation) when a
/// message has waited longer than <c>Health:OutboxMaxPendingMinutes</c> (default 15).
/// </summary>
public sealed class OutboxBacklogCheck(OutboxMonitor monitor, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await monitor.CountAsync(cancellationToken);
        var limit = TimeSpan.FromMinutes(configuration.GetValue("Health:OutboxMaxPendingMinutes", 15.0));
        var description = FormattableString.Invariant($"{counts.Pending} pending, {counts.Failed} failed; oldest pending waited {counts.OldestPendingAge.TotalMinutes:0.#} min");
        return counts.Pending > 0 && counts.OldestPendingAge > limit ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}

/// <summary>
/// The job scheduler: healthy while every scheduler of this instance runs (and, clustered, the store answers);
/// unhealthy when it failed to start or stopped; the description names the store and the last failed job, if any.
/// </summary>
public sealed class JobSchedulerCheck(SalesMentor.App.Jobs.JobScheduler scheduler, SalesMentor.App.Jobs.JobRuns runs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (scheduler.StartFailure is not null) return HealthCheckResult.Unhealthy("the job scheduler did not start (see the log)");
        var schedulers = scheduler.Schedulers;
        if (schedulers.Count == 0) return HealthCheckResult.Degraded("the job scheduler is starting");
        foreach (var s in schedulers)
        {
            var status = await s.GetStatus(cancellationToken);
            if (status != Quartz.SchedulerStatus.Running) return HealthCheckResult.Unhealthy($"scheduler {s.SchedulerName} is {status}");
        }

        if (scheduler.Clustered && scheduler.Shared is { } shared)
        {
            try
            {
                // One query against the clustered store: the database answers for the scheduler too.
                await Quartz.SchedulerQueryExtensions.GetJobKeys(shared, Quartz.GroupMatcher<Quartz.JobKey>.GroupEquals(SalesMentor.App.Jobs.JobScheduler.JobGroup), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("the clustered job store does not answer");
            }
        }

        var store = scheduler.Clustered ? "clustered on PostgreSQL" : "in memory";
        var lastFailure = runs.Snapshot().LastOrDefault(r => !r.Succeeded);
        var lastFailed = lastFailure is null ? "" : FormattableString.Invariant($"; last failure: {lastFailure.Job} at {lastFailure.FiredAt:u}");
        return HealthCheckResult.Healthy($"running, {store}, node {schedulers[0].SchedulerInstanceId}{lastFailed}");
    }
}
