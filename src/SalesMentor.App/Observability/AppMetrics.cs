using System.Diagnostics.Metrics;

namespace SalesMentor.App.Observability;

/// <summary>
/// The application's own metrics (meter <c>SalesMentor</c>): imports, outbox deliveries and backlog,
/// background jobs. Requests and latency come from the ASP.NET Core instrumentation. Tags carry
/// kinds and outcomes only, never names or ids of people.
/// </summary>
public static class AppMetrics
{
    public const string MeterName = "SalesMentor";

    private static readonly Meter Meter = new(MeterName, "1.0");
    private static readonly Counter<long> Imports = Meter.CreateCounter<long>("salesmentor.imports", "{import}", "Imports finished, by kind, mode and outcome.");
    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("salesmentor.import.rows", "{row}", "Rows read by imports, by kind.");
    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("salesmentor.outbox.deliveries", "{message}", "Outbox delivery attempts, by outcome.");
    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("salesmentor.jobs.runs", "{run}", "Background job runs, by job and outcome.");
    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("salesmentor.jobs.duration", "s", "How long background job runs took.");

    private static readonly Counter<long> BackupArchivesDeleted = Meter.CreateCounter<long>("salesmentor.backup.archives_deleted", "{archive}", "Old nightly backups deleted by retention.");
    private static long _lastBackupUnixSeconds;
    private static long _lastBackupBytes;

    private static readonly ObservableGauge<long> LastBackup = Meter.CreateObservableGauge("salesmentor.backup.last_success",
        () => Interlocked.Read(ref _lastBackupUnixSeconds) is var t and > 0 ? [new Measurement<long>(t)] : Array.Empty<Measurement<long>>(),
        "s", "When this instance last wrote a nightly backup (Unix time).");

    private static readonly ObservableGauge<long> LastBackupBytes = Meter.CreateObservableGauge("salesmentor.backup.last_bytes",
        () => Interlocked.Read(ref _lastBackupBytes) is var b and > 0 ? [new Measurement<long>(b)] : Array.Empty<Measurement<long>>(),
        "By", "The size of the last nightly backup this instance wrote.");

    public static void ImportFinished(string kind, string mode, string outcome, long rows)
    {
        Imports.Add(1, new KeyValuePair<string, object?>("kind", kind), new("mode", mode), new("outcome", outcome));
        ImportRows.Add(rows, new KeyValuePair<string, object?>("kind", kind));
    }

    /// <param name="outcome">sent, logged, retry or failed.</param>
    public static void OutboxDelivery(string outcome) => Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void JobRan(string job, bool succeeded, TimeSpan took)
    {
        var tags = new[] { new KeyValuePair<string, object?>("job", job), new("outcome", succeeded ? "ok" : "failed") };
        JobRuns.Add(1, tags);
        JobDuration.Record(took.TotalSeconds, tags);
    }

    /// <summary>A nightly backup was written (and retention deleted <paramref name="deleted"/> older archives).</summary>
    public static void BackupWritten(long bytes, int deleted, DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastBackupUnixSeconds, at.ToUnixTimeSeconds());
        Interlocked.Exchange(ref _lastBackupBytes, bytes);
        GC.KeepAlive(LastBackup);
        GC.KeepAlive(LastBackupBytes);
        if (deleted > 0) BackupArchivesDeleted.Add(deleted);
    }

    /// <summary>The outbox backlog as a gauge: messages by status, as last counted by <paramref name="read"/>.</summary>
    public static void ObserveOutbox(Func<IEnumerable<Measurement<long>>> read) =>
        Meter.CreateObservableGauge("salesmentor.outbox.messages", read, "{message}", "Outbox messages by status (pending, sent, logged, failed).");
}
