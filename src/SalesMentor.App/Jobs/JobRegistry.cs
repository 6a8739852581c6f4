using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Features.ProgramMetrics;
using SalesMentor.App.Features.Sessions;
using SalesMentor.App.Kpis;

namespace SalesMentor.App.Jobs;

/// <summary>
/// The web app's scheduled jobs (docs/operations.md#scheduled-jobs). Adding one is one line here: a name, where it
/// runs, when, and the use case it calls. Jobs must be idempotent: a fire that a crashed instance left half done is
/// fired again by another one.
/// </summary>
public static class JobRegistry
{
    /// <summary>The scheduler, its jobs and the health check's view of them; the web host calls this, the command line does not.</summary>
    public static IServiceCollection AddSalesMentorJobs(this IServiceCollection services)
    {
        // Keeps this instance's KPI cache warm: every Kpis:RefreshSeconds (60; 0 switches it off). The cache is in
        // memory (ADR 0004), so every instance refreshes its own.
        services.AddScheduledJob(ScheduledJob.Of("kpi-refresh", RunsOn.EachInstance,
            c => c.GetValue("Kpis:RefreshSeconds", 60.0) is var s and > 0 ? JobSchedule.Every(TimeSpan.FromSeconds(s), TimeSpan.FromSeconds(Math.Min(s, 2))) : null,
            (sp, ct) => sp.GetRequiredService<KpiCache>().GetAsync(ct)));

        // The nightly encrypted backup with retention (Backup:Nightly:*), once across the instances.
        services.AddScheduledJob(new ScheduledJob(NightlyBackup.JobName, RunsOn.OneInstance,
            c => NightlyBackupOptions.From(c) is { Enabled: true } o ? JobSchedule.DailyAt(o.Time) : null,
            (sp, ct) => sp.GetRequiredService<NightlyBackup>().RunAsync(ct)));

        // Session reminders and missing-log nudges every Sessions:ReminderCheckMinutes (5; 0 switches them off), once across
        // the instances; the use case marks each mail in its own transaction, so a doubled fire sends nothing twice.
        services.AddScheduledJob(ScheduledJob.Of("session-reminders", RunsOn.OneInstance,
            c => c.GetValue("Sessions:ReminderCheckMinutes", 5.0) is var m and > 0 ? JobSchedule.Every(TimeSpan.FromMinutes(m), TimeSpan.FromMinutes(Math.Min(m, 1))) : null,
            (sp, ct) => sp.GetRequiredService<SendSessionReminders>().HandleAsync(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct)));

        // Pulse reminders every Health:PulseReminderCheckMinutes (60; 0 switches them off), once across the instances: each
        // person, mentorship and round gets one mail, marked in the same save, so a doubled fire sends nothing twice.
        services.AddScheduledJob(ScheduledJob.Of("pulse-reminders", RunsOn.OneInstance,
            c => c.GetValue("Health:PulseReminderCheckMinutes", 60.0) is var m and > 0 ? JobSchedule.Every(TimeSpan.FromMinutes(m), TimeSpan.FromMinutes(Math.Min(m, 5))) : null,
            (sp, ct) => sp.GetRequiredService<SendPulseReminders>().HandleAsync(ct)));

        // Last month's program summary to every admin, on the 1st at 07:00 (ProgramSummary:Enabled, default true); once per admin and month.
        services.AddScheduledJob(ScheduledJob.Of("program-summary", RunsOn.OneInstance,
            c => c.GetValue("ProgramSummary:Enabled", true) ? new JobSchedule("0 0 7 1 * ?", null, TimeSpan.Zero) : null,
            (sp, ct) => sp.GetRequiredService<SendProgramSummaries>().HandleAsync(Common.Actor.System, ct)));

        services.AddScoped<NightlyBackup>();
        services.AddSingleton<JobRuns>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        return services;
    }
}
