namespace SalesMentor.Core.Kpis;

/// <summary>
/// Groups records by owner with a counting sort (stable, O(n + people)), in parallel for large inputs: each worker
/// counts its own slice, the counts become per-worker write offsets, and each worker scatters its slice.
/// </summary>
internal static class GroupByOwner
{
    private const int MinimumSlice = 1 << 17;

    /// <summary>
    /// The records of the selected owners (every owner when <paramref name="selected"/> is null), grouped by owner in
    /// input order; owner p's records are grouped[starts[p]..starts[p + 1]].
    /// </summary>
    internal static T[] Group<T>(ReadOnlyMemory<T> records, int people, bool[]? selected, int parallelism, out int[] starts)
        where T : struct, IOwnedRecord
    {
        var n = records.Length;
        var workers = Math.Clamp(n / MinimumSlice, 1, Math.Max(1, parallelism));
        var counts = new int[workers][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };

        Parallel.For(0, workers, options, w =>
        {
            var slice = Slice(records.Span, w, workers);
            var own = new int[people];
            foreach (ref readonly var record in slice)
            {
                var owner = record.Owner;
                if (selected is null || selected[owner]) own[owner]++;
            }

            counts[w] = own;
        });

        // Turn counts into write offsets: owner-major, then worker, so each owner's records stay in input order.
        starts = new int[people + 1];
        var running = 0;
        for (var p = 0; p < people; p++)
        {
            starts[p] = running;
            for (var w = 0; w < workers; w++)
            {
                var count = counts[w][p];
                counts[w][p] = running;
                running += count;
            }
        }

        starts[people] = running;
        var grouped = GC.AllocateUninitializedArray<T>(running);
        Parallel.For(0, workers, options, w =>
        {
            var slice = Slice(records.Span, w, workers);
            var next = counts[w];
            foreach (ref readonly var record in slice)
            {
                var owner = record.Owner;
                if (selected is null || selected[owner]) grouped[next[owner]++] = record;
            }
        });

        return grouped;
    }

    private static ReadOnlySpan<T> Slice<T>(ReadOnlySpan<T> records, int worker, int workers)
    {
        var from = (int)((long)records.Length * worker / workers);
        var to = (int)((long)records.Length * (worker + 1) / workers);
        return records[from..to];
    }
}
