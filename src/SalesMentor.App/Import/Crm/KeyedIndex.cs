using System.Runtime.InteropServices;

namespace SalesMentor.App.Import.Crm;

/// <summary>What an import does with one row.</summary>
internal enum RowAction { Add, Update, Keep, Duplicate }

/// <summary>
/// The stored rows of one kind (and source), by key, each with its id, version and fingerprint —
/// loaded once per import, so no row costs a query — and the line on which each key was seen in
/// the file, so a key seen twice is caught. About 100 bytes per key.
/// </summary>
internal sealed class KeyedIndex
{
    private const long MaxExpected = 20_000_000;
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>How many stored rows were loaded.</summary>
    public int Stored { get; private set; }

    public void AddStored(string key, Guid id, int version, UInt128 print)
    {
        _slots[key] = new Slot { Id = id, Version = version, Print = print };
        Stored++;
    }

    /// <summary>
    /// Makes room for about <paramref name="keys"/> keys in all (the stored ones and the file's) at once. Growing one
    /// doubling at a time, a large file's table is copied a dozen times into ever larger arrays, each of which the
    /// runtime counts against a full collection of the heap; sized once, it is allocated once. A re-import of the same
    /// rows (its keys already stored) needs no more room than the stored keys took.
    /// </summary>
    public void Expect(long keys) => _slots.EnsureCapacity((int)Math.Min(MaxExpected, Math.Max(_slots.Count, keys)));

    /// <summary>
    /// Marks <paramref name="key"/> as seen on <paramref name="line"/> and says what to do: add a new
    /// row, update the stored one (its fingerprint differs), keep it (same fingerprint), or refuse a
    /// key already seen (<paramref name="firstLine"/> says where). The fingerprint is asked for only
    /// when a stored row has the key (a first import into an empty source computes none); a null one
    /// (a bad row) only marks the key.
    /// </summary>
    public RowAction Claim<TState>(string key, int line, TState state, Func<TState, UInt128?> print, out int firstLine, out Guid id, out int version)
    {
        ArgumentNullException.ThrowIfNull(print);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, key, out var exists);
        firstLine = slot.Line;
        id = slot.Id;
        version = slot.Version;
        if (exists && slot.Line > 0) return RowAction.Duplicate;
        slot.Line = line;
        if (!exists || slot.Id == Guid.Empty) return RowAction.Add;
        return print(state) == slot.Print ? RowAction.Keep : RowAction.Update;
    }

    private struct Slot
    {
        public Guid Id;
        public UInt128 Print;
        public int Version;
        public int Line;
    }
}
