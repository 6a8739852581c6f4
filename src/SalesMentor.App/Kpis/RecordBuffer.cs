namespace SalesMentor.App.Kpis;

/// <summary>
/// An append-only array that hands its filled part to the engine without a copy (a <c>List&lt;T&gt;</c> would need
/// <c>ToArray</c>: another 25 MB for the large demo's activities, at the moment memory peaks).
/// </summary>
internal sealed class RecordBuffer<T>
    where T : struct
{
    private T[] _items = new T[1024];

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public ReadOnlyMemory<T> AsMemory() => new(_items, 0, Count);
}
