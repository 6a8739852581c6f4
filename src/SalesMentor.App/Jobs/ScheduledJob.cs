using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SalesMentor.App.Jobs;

/// <summary>Where a job runs when there are several app instances.</summary>
public enum RunsOn
{
    /// <summary>Once per fire across all instances (Quartz's clustered store on PostgreSQL): reminders, pulses, backups.</summary>
    OneInstance,

    /// <summary>On every instance, each on its own clock: work on an instance's own memory, like the KPI cache.</summary>
    EachInstance,
}

/// <summary>
/// When a job fires: a cron expression in the server's time zone, or a fixed interval. <see cref="Text"/> says it in
/// words for logs; a stored trigger with the same text is kept across restarts, so a cluster's instances starting one
/// after the other do not move each other's next fire.
/// </summary>
public sealed record JobSchedule(string? Cron, TimeSpan? Interval, TimeSpan FirstAfter)
{
    public string Text => Cron is not null ? $"cron '{Cron}' ({TimeZoneInfo.Local.Id})" : $"every {Interval!.Value.TotalSeconds:0.###} s";

    /// <summary>Every day at <paramref name="time"/>, server time.</summary>
    public static JobSchedule DailyAt(TimeOnly time) => new(FormattableString.Invariant($"{time.Second} {time.Minute} {time.Hour} * * ?"), null, TimeSpan.Zero);

    public static JobSchedule Every(TimeSpan interval, TimeSpan? firstAfter = null) => new(null, interval, firstAfter ?? TimeSpan.Zero);
}

/// <summary>
/// One scheduled job: its name (the Quartz job key, the <c>job</c> label of the metrics, the log lines), where it
/// runs, when (null: switched off by configuration), and what it does — a delegate over a fresh service scope, so a
/// job is one line over an idempotent use case (see <see cref="JobRegistry"/>).
/// </summary>
public sealed record ScheduledJob(
    string Name,
    RunsOn RunsOn,
    Func<IConfiguration, JobSchedule?> Schedule,
    Func<IServiceProvider, CancellationToken, Task<string?>> Run)
{
    /// <summary>A job whose work returns nothing worth logging.</summary>
    public static ScheduledJob Of(string name, RunsOn runsOn, Func<IConfiguration, JobSchedule?> schedule, Func<IServiceProvider, CancellationToken, Task> run) =>
        new(name, runsOn, schedule, async (services, ct) =>
        {
            await run(services, ct);
            return null;
        });
}

/// <summary>Registration helpers.</summary>
public static class ScheduledJobServices
{
    /// <summary>Adds a job to the web app's scheduler.</summary>
    public static IServiceCollection AddScheduledJob(this IServiceCollection services, ScheduledJob job) => services.AddSingleton(job);
}
