using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace SalesMentor.App.Jobs;

/// <summary>
/// The one Quartz job type: runs the <see cref="ScheduledJob"/> named by the job key in a fresh service scope, and
/// gives every job the same log lines, metrics (<c>salesmentor_jobs_runs_total</c>,
/// <c>salesmentor_jobs_duration_seconds</c>) and run record (<see cref="JobRuns"/>).
/// </summary>
internal sealed partial class JobRunner(IServiceScopeFactory scopes, IReadOnlyDictionary<string, ScheduledJob> jobs, JobRuns runs, ILogger<JobRunner> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.JobDetail.Key.Name;
        if (!jobs.TryGetValue(name, out var job))
        {
            LogUnknown(logger, name);
            return;
        }

        var instance = context.Scheduler.SchedulerInstanceId;
        var fireTime = FireTime(context);
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new KeyValuePair<string, object?>[] { new("Job", name), new("FireInstanceId", context.FireInstanceId) });
        LogStarting(logger, name, instance, fireTime);
        try
        {
            await using var services = scopes.CreateAsyncScope();
            var summary = await job.Run(services.ServiceProvider, cancellationToken);
            var took = Stopwatch.GetElapsedTime(started);
            Observability.AppMetrics.JobRan(name, succeeded: true, took);
            runs.Record(new JobRun(name, instance, context.ScheduledFireTimeUtc, context.FireTimeUtc, took, Succeeded: true, summary));
            LogFinished(logger, name, instance, fireTime, (long)took.TotalMilliseconds, summary ?? "");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var took = Stopwatch.GetElapsedTime(started);
            Observability.AppMetrics.JobRan(name, succeeded: false, took);
            runs.Record(new JobRun(name, instance, context.ScheduledFireTimeUtc, context.FireTimeUtc, took, Succeeded: false, e.Message));
            LogFailed(logger, e, name, instance, fireTime, (long)took.TotalMilliseconds);
        }
    }

    /// <summary>The fire's scheduled time (UTC, ISO 8601): the same on whichever instance runs it.</summary>
    private static string FireTime(IJobExecutionContext context) =>
        (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} is stored but not registered in this version; skipped")]
    private static partial void LogUnknown(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} starting on {SchedulerInstance} (fire of {FireTime})")]
    private static partial void LogStarting(ILogger logger, string job, string schedulerInstance, string fireTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} finished on {SchedulerInstance} (fire of {FireTime}) in {Milliseconds} ms {Summary}")]
    private static partial void LogFinished(ILogger logger, string job, string schedulerInstance, string fireTime, long milliseconds, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed on {SchedulerInstance} (fire of {FireTime}) after {Milliseconds} ms; it runs again at its next fire")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, string schedulerInstance, string fireTime, long milliseconds);
}

/// <summary>Builds the <see cref="JobRunner"/> for every fire, whatever job the fire names.</summary>
internal sealed class JobRunnerFactory(Func<JobRunner> create) : IJobFactory
{
    public ValueTask<Quartz.Extensibility.JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Quartz.Extensibility.JobScope(create(), null));

    public ValueTask ReturnJob(Quartz.Extensibility.JobScope scope, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>One run of a scheduled job, as this instance saw it.</summary>
public sealed record JobRun(string Job, string SchedulerInstance, DateTimeOffset? ScheduledFireTime, DateTimeOffset FiredAt, TimeSpan Took, bool Succeeded, string? Summary);

/// <summary>The latest runs of this instance's scheduler (the newest 200), for the health check and for tests.</summary>
public sealed class JobRuns
{
    private readonly Lock _lock = new();
    private readonly LinkedList<JobRun> _runs = new();

    public event Action<JobRun>? Recorded;

    public IReadOnlyList<JobRun> Snapshot()
    {
        lock (_lock) return [.. _runs];
    }

    internal void Record(JobRun run)
    {
        lock (_lock)
        {
            _runs.AddLast(run);
            if (_runs.Count > 200) _runs.RemoveFirst();
        }

        Recorded?.Invoke(run);
    }

    /// <summary>Waits for the next run of <paramref name="job"/> recorded after this call.</summary>
    public async Task<JobRun> NextAsync(string job, CancellationToken ct)
    {
        var done = new TaskCompletionSource<JobRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRecorded(JobRun run)
        {
            if (run.Job == job) done.TrySetResult(run);
        }

        Recorded += OnRecorded;
        try
        {
            return await done.Task.WaitAsync(ct);
        }
        finally
        {
            Recorded -= OnRecorded;
        }
    }
}
