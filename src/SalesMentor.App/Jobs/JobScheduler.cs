using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using SalesMentor.App.Data;

namespace SalesMentor.App.Jobs;

/// <summary>
/// Runs the registered <see cref="ScheduledJob"/>s with Quartz.NET. With <c>Database:Provider=Postgres</c> the jobs
/// that run on one instance live in Quartz's clustered store in the app's database (tables from the
/// <c>QuartzJobStore</c> migration): every instance is a node, and each fire runs on exactly one of them; a node that
/// dies mid-job has the fire recovered by another. Jobs that work on an instance's own memory run in a second,
/// in-memory scheduler on every instance. On SQLite (one instance) one in-memory scheduler runs them all.
/// The schedulers are built when the host starts, after configuration is complete and the database migrated.
/// </summary>
public sealed partial class JobScheduler(
    IServiceProvider services, IEnumerable<ScheduledJob> registered, IConfiguration configuration, ILogger<JobScheduler> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The clustered scheduler's name: the <c>sched_name</c> of its rows, shared by every instance.</summary>
    public const string ClusterSchedulerName = "SalesMentor";
    public const string InstanceSchedulerName = "SalesMentor.Instance";
    public const string JobGroup = "salesmentor";

    private readonly Lock _lock = new();
    private IScheduler? _shared;
    private IScheduler? _local;

    /// <summary>The scheduler that runs the jobs that run on one instance (clustered on PostgreSQL), once started.</summary>
    public IScheduler? Shared => _shared;

    /// <summary>The schedulers of this instance: one on SQLite, two on PostgreSQL.</summary>
    public IReadOnlyList<IScheduler> Schedulers
    {
        get
        {
            lock (_lock) return _shared is null ? [] : _local is null || ReferenceEquals(_local, _shared) ? [_shared] : [_shared, _local];
        }
    }

    /// <summary>Whether the jobs that run on one instance are shared through the database (PostgreSQL).</summary>
    public bool Clustered { get; private set; }

    /// <summary>Why the schedulers did not start, when they did not.</summary>
    public string? StartFailure { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        var jobs = registered.ToDictionary(j => j.Name, StringComparer.Ordinal);
        var runs = services.GetRequiredService<JobRuns>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var factory = new JobRunnerFactory(() => new JobRunner(scopes, jobs, runs, loggerFactory.CreateLogger<JobRunner>()));
        Clustered = database.Provider == DatabaseProvider.Postgres;
        try
        {
            var local = await BuildAsync(InstanceSchedulerName, factory, loggerFactory, q => q.UseInMemoryStore(), threads: 2, cancellationToken);
            var shared = Clustered
                ? await BuildAsync(ClusterSchedulerName, factory, loggerFactory, q => q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:ClusterCheckinSeconds", 15.0));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Jobs:ClusterCheckinSeconds", 15.0) * 2);
                    });
                }), threads: 3, cancellationToken)
                : local;
            foreach (var job in jobs.Values)
            {
                var scheduler = job.RunsOn == RunsOn.OneInstance ? shared : local;
                await ScheduleAsync(scheduler, job, cancellationToken);
            }

            if (Clustered) await RemoveUnregisteredAsync(shared, jobs, cancellationToken);
            await local.Start(cancellationToken);
            if (!ReferenceEquals(local, shared)) await shared.Start(cancellationToken);
            lock (_lock)
            {
                _local = local;
                _shared = shared;
            }

            var listed = string.Join(", ", jobs.Values.Select(j => $"{j.Name} ({(ScheduleOf(j) is { } s ? s.Text : "off")})"));
            LogStarted(logger, Clustered ? "clustered on PostgreSQL" : "in memory", shared.SchedulerInstanceId, listed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The app still serves; /health/ready reports the scheduler unhealthy with this reason.
            StartFailure = e.Message;
            LogStartFailed(logger, e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var scheduler in Schedulers)
        {
            // Let running jobs finish (a backup being written); a clustered fire cut short is recovered by another node.
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scheduler in Schedulers)
        {
            if (scheduler.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)) await scheduler.Shutdown(waitForJobsToComplete: false);
        }
    }

    /// <summary>Fires <paramref name="job"/> now, on whichever node takes it (tests, and an operator's "run now").</summary>
    public async Task TriggerNowAsync(string job, CancellationToken ct)
    {
        var definition = registered.First(j => j.Name == job);
        var scheduler = (definition.RunsOn == RunsOn.OneInstance ? _shared : _local) ?? throw new InvalidOperationException("The job scheduler is not running.");
        await scheduler.TriggerJob(new JobKey(job, JobGroup), new JobDataMap(), ct);
    }

    private static async Task<IScheduler> BuildAsync(string name, JobRunnerFactory factory, ILoggerFactory loggerFactory, Action<IQuartzBuilder> store, int threads, CancellationToken ct)
    {
        return await QuartzSchedulerBuilder.Create(q =>
        {
            q.Services.AddSingleton(loggerFactory);
            q.ConfigureScheduler(s => s.InstanceName = name);
            q.UseDefaultThreadPool(threads);
            q.UseJobFactory(factory);
            store(q);
        }).BuildScheduler(ct);
    }

    /// <summary>
    /// Stores the job (durable, so it can be fired by hand even when switched off) and its trigger. A stored trigger
    /// with the same schedule is left alone, so instances starting one after another do not move its next fire;
    /// a changed schedule replaces it; a job switched off loses its trigger.
    /// </summary>
    private async Task ScheduleAsync(IScheduler scheduler, ScheduledJob job, CancellationToken ct)
    {
        var jobKey = new JobKey(job.Name, JobGroup);
        var triggerKey = new TriggerKey(job.Name, JobGroup);
        var detail = JobBuilder.Create().OfType<JobRunner>().WithIdentity(jobKey).StoreDurably(true)
            .DisallowConcurrentExecution(true).RequestRecovery(true).Build();
        await scheduler.AddJob(detail, AddJobOptions.Replacing, ct);
        var schedule = ScheduleOf(job);
        var existing = await scheduler.GetTrigger(triggerKey, ct);
        if (schedule is null)
        {
            if (existing is not null) await scheduler.UnscheduleJob(triggerKey, ct);
            return;
        }

        if (existing?.Description == schedule.Text) return;
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(triggerKey).ForJob(jobKey).WithDescription(schedule.Text)
            .StartAt(scheduler.TimeProvider.GetUtcNow() + schedule.FirstAfter);
        trigger = schedule.Cron is { } cron
            ? trigger.WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.Local).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            : trigger.WithSchedule(SimpleScheduleBuilder.Create().WithInterval(schedule.Interval!.Value).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
        await scheduler.ScheduleJob(trigger.Build(), ScheduleJobOptions.Replacing, ct);
        LogScheduled(logger, job.Name, schedule.Text);
    }

    /// <summary>
    /// The job's schedule: its own (null when its settings switch it off), unless <c>Jobs:&lt;name&gt;:Enabled=false</c>
    /// switches it off or <c>Jobs:&lt;name&gt;:Cron</c> (Quartz cron, seconds first, server time) retimes it.
    /// </summary>
    public JobSchedule? ScheduleOf(ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var section = configuration.GetSection("Jobs:" + job.Name);
        if (!section.GetValue("Enabled", true)) return null;
        var schedule = job.Schedule(configuration);
        if (schedule is null || string.IsNullOrWhiteSpace(section["Cron"])) return schedule;
        var cron = section["Cron"]!.Trim();
        if (!CronExpression.TryParse(cron, out _)) throw new InvalidOperationException($"Jobs:{job.Name}:Cron is '{cron}', which is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week).");
        return new JobSchedule(cron, null, TimeSpan.Zero);
    }

    /// <summary>Jobs an older version stored in the shared database but this one no longer knows.</summary>
    private async Task RemoveUnregisteredAsync(IScheduler scheduler, Dictionary<string, ScheduledJob> jobs, CancellationToken ct)
    {
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobGroup), ct))
        {
            if (jobs.ContainsKey(key.Name)) continue;
            await scheduler.DeleteJob(key, ct);
            LogRemoved(logger, key.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler started ({Store}, node {SchedulerInstance}); jobs: {Jobs}")]
    private static partial void LogStarted(ILogger logger, string store, string schedulerInstance, string jobs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job scheduler did not start; scheduled jobs will not run on this instance")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} scheduled: {Schedule}")]
    private static partial void LogScheduled(ILogger logger, string job, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} is no longer registered; removed from the shared schedule")]
    private static partial void LogRemoved(ILogger logger, string job);
}
