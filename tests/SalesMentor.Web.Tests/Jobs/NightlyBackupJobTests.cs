using System.Formats.Tar;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Backup;
using SalesMentor.App.Jobs;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Jobs;

/// <summary>
/// The nightly backup job, fired now through the real scheduler (clustered store on PostgreSQL, in memory on
/// SQLite): it writes an archive that opens with the passphrase, keeps the newest <c>Keep</c> of its own archives,
/// leaves every other file alone, and says so in the log, the metrics and /health/ready.
/// </summary>
public class NightlyBackupJobTests
{
    private const string Passphrase = "a nightly backup passphrase";

    [Theory, BothProviders]
    public async Task BackupJob_FiredNow_WritesAnArchiveAndAppliesRetention(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var folder = Path.Combine(database.Folder, "nightly");
        Directory.CreateDirectory(folder);
        string[] older = ["salesmentor-20260101-023000Z.smbackup", "salesmentor-20260102-023000Z.smbackup", "salesmentor-20260103-023000Z.smbackup"];
        foreach (var name in older) await File.WriteAllTextAsync(Path.Combine(folder, name), "an older archive");
        string[] foreign = ["salesmentor-before-upgrade.smbackup", "notes.txt"];
        foreach (var name in foreign) await File.WriteAllTextAsync(Path.Combine(folder, name), "not the job's");

        await using var host = await WebTestHost.StartOnAsync(database, new Dictionary<string, string?>
        {
            ["Backup:Nightly:Enabled"] = "true",
            ["Backup:Nightly:Time"] = "03:17",
            ["Backup:Nightly:Folder"] = folder,
            ["Backup:Nightly:Keep"] = "2",
            [NightlyBackupOptions.PassphraseVariable] = Passphrase,
        });
        await host.CreateWorldAsync();
        var scheduler = host.Services.GetRequiredService<JobScheduler>();
        Assert.Equal(provider == Provider.Postgres, scheduler.Clustered);

        var run = await FireAsync(host, NightlyBackup.JobName);

        Assert.True(run.Succeeded, run.Summary);
        var archives = Directory.GetFiles(folder, "salesmentor-2*.smbackup").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, archives.Count);
        Assert.Equal(older[2], archives[0]);
        var written = Path.Combine(folder, archives[1]!);
        Assert.Matches(@"^salesmentor-\d{8}-\d{6}Z\.smbackup$", archives[1]);
        foreach (var name in foreign) Assert.True(File.Exists(Path.Combine(folder, name)), name + " was deleted");
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));

        var manifest = await ReadManifestAsync(written);
        Assert.Equal(provider.ToString(), manifest.Provider);
        Assert.Contains(manifest.Migrations, m => m.EndsWith("_Sessions", StringComparison.Ordinal));

        Assert.Contains(host.Logs.Lines, l => l.Contains("Nightly backup written: " + written, StringComparison.Ordinal) && l.Contains("deleted 2 older", StringComparison.Ordinal));
        using var client = host.CreateClient();
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("salesmentor_jobs_runs_total{", StringComparison.Ordinal) && l.Contains("job=\"backup\"", StringComparison.Ordinal) && l.Contains("outcome=\"ok\"", StringComparison.Ordinal));
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("salesmentor_backup_last_success", StringComparison.Ordinal));

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var jobs = json.RootElement.GetProperty("checks").GetProperty("jobs");
        Assert.Equal("Healthy", jobs.GetProperty("status").GetString());
        Assert.StartsWith(provider == Provider.Postgres ? "running, clustered on PostgreSQL" : "running, in memory", jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupJob_WithoutThePassphrase_FailsLoudlyAndWritesNothing()
    {
        var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var folder = Path.Combine(database.Folder, "nightly");
        await using var host = await WebTestHost.StartOnAsync(database, new Dictionary<string, string?>
        {
            ["Backup:Nightly:Enabled"] = "true",
            ["Backup:Nightly:Folder"] = folder,
        });

        var run = await FireAsync(host, NightlyBackup.JobName);

        Assert.False(run.Succeeded);
        Assert.Contains(NightlyBackupOptions.PassphraseVariable, run.Summary, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
        // The run is recorded as it ends; its log line may follow a moment later.
        static bool FailureLine(string l) => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("Job backup failed on ", StringComparison.Ordinal);
        for (var i = 0; i < 100 && !host.Logs.Lines.Any(FailureLine); i++) await Task.Delay(100);
        Assert.Contains(host.Logs.Lines, FailureLine);
        using var client = host.CreateClient();
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("salesmentor_jobs_runs_total{", StringComparison.Ordinal) && l.Contains("job=\"backup\"", StringComparison.Ordinal) && l.Contains("outcome=\"failed\"", StringComparison.Ordinal));
    }

    /// <summary>Fires the job through the scheduler now and waits for its run.</summary>
    internal static async Task<JobRun> FireAsync(WebTestHost host, string job)
    {
        var runs = host.Services.GetRequiredService<JobRuns>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var next = runs.NextAsync(job, timeout.Token);
        await host.Services.GetRequiredService<JobScheduler>().TriggerNowAsync(job, timeout.Token);
        return await next;
    }

    private static async Task<BackupManifest> ReadManifestAsync(string archive)
    {
        await using var file = File.OpenRead(archive);
        await using var opened = new SealedReadStream(file, Passphrase);
        await using var tar = new TarReader(opened);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name == BackupManifest.EntryName) return BackupManifest.Parse(entry.DataStream!) ?? throw new InvalidOperationException("unreadable manifest");
        }

        throw new InvalidOperationException("no manifest in " + archive);
    }
}
