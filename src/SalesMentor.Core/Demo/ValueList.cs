using System.Collections;

namespace SalesMentor.Core.Demo;

/// <summary>
/// A read-only list that compares by its elements, so records holding one (<see cref="DemoPerson.CrmOwnerIds"/>,
/// <see cref="DemoPerformance.Uplifts"/>) keep value equality.
/// </summary>
internal sealed class ValueList<T>(IEnumerable<T> items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items = [.. items];

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override string ToString() => $"[{string.Join(", ", _items)}]";

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }
}
