using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesMentor.App.Data;

namespace SalesMentor.App.Kpis;

/// <summary>
/// The KPIs of everyone, computed in memory and shared by every request of this app instance (see
/// docs/adr/0004-kpis-computed-in-memory.md). Each read checks the key (one counter read; the settings themselves only after a change); when the records or
/// the settings changed since the snapshot was built, the read waits for a recompute. One recompute runs at a time;
/// readers that arrive meanwhile wait for it rather than get numbers they already know are stale. A recompute does
/// not depend on the reader that started it: a reader who gives up (a closed tab) does not cancel it for the others.
/// </summary>
public sealed partial class KpiCache(IServiceScopeFactory scopes, ChangeCounterReader counters, TimeProvider clock, ILogger<KpiCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private KpiSnapshot? _current;
    private (KpiCacheKey Key, Task<KpiSnapshot> Task)? _pending;
    private int _builds;

    /// <summary>How many times the KPIs were recomputed from the database (star-rule-only changes not counted).</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>The snapshot for the data as stored now, computing it first when it is stale.</summary>
    public async Task<KpiSnapshot> GetAsync(CancellationToken ct)
    {
        KpiCacheKey key;
        await using (var scope = scopes.CreateAsyncScope())
        {
            key = await KeyAsync(scope.ServiceProvider.GetRequiredService<SalesMentorDb>(), ct);
        }

        var current = Volatile.Read(ref _current);
        if (current is not null && current.Key == key) return current;
        Task<KpiSnapshot> build;
        lock (_lock)
        {
            if (_pending is not { } pending || pending.Key != key || pending.Task.IsFaulted || pending.Task.IsCanceled)
            {
                _pending = (key, Task.Run(() => BuildAsync(key)));
            }

            build = _pending.Value.Task;
        }

        return await build.WaitAsync(ct);
    }

    public void Dispose() => _gate.Dispose();

    private sealed record KeyEntry(string Database, long Version, KpiCacheKey Key);

    private volatile KeyEntry? _key;

    /// <summary>
    /// The key as stored now: its three reads only when the settings counter moved (<see cref="ChangeCounters.KpiSettings"/>,
    /// raised by every write to the settings, exchange-rate and star-rule tables, the data version included), else one.
    /// </summary>
    private async Task<KpiCacheKey> KeyAsync(SalesMentorDb db, CancellationToken ct)
    {
        var database = db.Database.GetConnectionString() ?? "";
        // The counter first, then the rows: rows newer than their counter only cause one more read later, never a stale key.
        var version = await counters.ReadAsync(db, ChangeCounters.KpiSettings, ct);
        var entry = _key;
        if (entry is not null && entry.Version == version && entry.Database == database) return entry.Key.AsOf(clock);
        var key = await KpiCacheKey.ReadAsync(db, clock, ct);
        _key = new KeyEntry(database, version, key);
        return key;
    }

    private async Task<KpiSnapshot> BuildAsync(KpiCacheKey requested)
    {
        await _gate.WaitAsync();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            // Read the key again: another recompute may have finished, or the data changed again, while this one waited.
            var key = await KpiCacheKey.ReadAsync(db, clock, CancellationToken.None);
            var current = _current;
            if (current is not null && current.Key == key) return current;
            var now = clock.GetUtcNow().UtcDateTime;
            KpiSnapshot snapshot;
            if (current is not null && current.Key.SameDataAs(key))
            {
                snapshot = KpiSnapshotBuilder.Rejudge(current, key, now);
                LogRejudged(logger, key.SalesDataVersion, (long)snapshot.Stats.Compute.TotalMilliseconds);
            }
            else
            {
                var started = Stopwatch.GetTimestamp();
                var data = await KpiLoader.LoadAsync(scopes, key, CancellationToken.None);
                snapshot = KpiSnapshotBuilder.Build(key, data, Stopwatch.GetElapsedTime(started), now);
                Interlocked.Increment(ref _builds);
                var s = snapshot.Stats;
                var heapMb = GC.GetTotalMemory(false) / (1024 * 1024);
                LogBuilt(logger, s.SalesDataVersion, s.People, s.Opportunities, s.Activities, s.Quotas, s.Periods,
                    (long)s.Load.TotalMilliseconds, (long)s.Compute.TotalMilliseconds, heapMb);
            }

            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        catch (Exception e)
        {
            LogFailed(logger, requested.SalesDataVersion, e);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "KPIs recomputed for sales data version {Version}: {People} people, {Opportunities} opportunities, {Activities} activities, {Quotas} quotas, {Periods} periods; load {LoadMs} ms, compute {ComputeMs} ms; managed heap {HeapMb} MB")]
    private static partial void LogBuilt(ILogger logger, long version, int people, int opportunities, int activities, int quotas, int periods, long loadMs, long computeMs, long heapMb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Star verdicts re-evaluated for sales data version {Version} under a new star rule in {ComputeMs} ms")]
    private static partial void LogRejudged(ILogger logger, long version, long computeMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing the KPIs for sales data version {Version} failed")]
    private static partial void LogFailed(ILogger logger, long version, Exception exception);
}
