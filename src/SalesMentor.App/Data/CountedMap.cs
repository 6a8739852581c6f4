using System.Collections.Concurrent;

namespace SalesMentor.App.Data;

/// <summary>
/// Values kept per instance under one change counter's version (see <see cref="ChangeCounters"/>): found only for the
/// database and version they were kept under; keeping under another version starts the map over, and so does going
/// past <paramref name="maxWeight"/> (each value weighs what its keeper says, by default 1). The callers read the version
/// first, then the value, and never keep what they read inside a transaction.
/// </summary>
public sealed class CountedMap<TKey, TValue>(int maxWeight)
    where TKey : notnull
{
    private sealed class Entry(string database, long version)
    {
        private int _weight;

        public string Database { get; } = database;
        public long Version { get; } = version;
        public ConcurrentDictionary<TKey, TValue> Values { get; } = new();

        public bool Holds(string database, long version) => Version == version && Database == database;

        public int Add(TKey key, TValue value, int weight) => Values.TryAdd(key, value) ? Interlocked.Add(ref _weight, weight) : Volatile.Read(ref _weight);
    }

    private volatile Entry? _entry;

    public bool TryGet(string database, long version, TKey key, out TValue value)
    {
        if (_entry is { } entry && entry.Holds(database, version) && entry.Values.TryGetValue(key, out value!)) return true;
        value = default!;
        return false;
    }

    public void Keep(string database, long version, TKey key, TValue value, int weight = 1)
    {
        var entry = _entry;
        if (entry is null || !entry.Holds(database, version))
        {
            entry = new Entry(database, version);
            _entry = entry;
        }

        if (entry.Add(key, value, Math.Max(1, weight)) >= maxWeight) _entry = new Entry(database, version);
    }
}
