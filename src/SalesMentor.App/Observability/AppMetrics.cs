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

    /// <summary>The outbox backlog as a gauge: messages by status, as last counted by <paramref name="read"/>.</summary>
    public static void ObserveOutbox(Func<IEnumerable<Measurement<long>>> read) =>
        Meter.CreateObservableGauge("salesmentor.outbox.messages", read, "{message}", "Outbox messages by status (pending, sent, logged, failed).");
}
