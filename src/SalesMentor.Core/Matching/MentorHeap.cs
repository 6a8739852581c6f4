namespace SalesMentor.Core.Matching;

/// <summary>
/// A binary min-heap of mentor indexes keyed by a distance array it does not own, with decrease-key. Sized once for
/// every mentor; <see cref="Clear"/> is O(1), so one heap serves thousands of searches.
/// </summary>
internal sealed class MentorHeap(int mentors)
{
    private readonly int[] _nodes = new int[mentors];
    private readonly int[] _position = new int[mentors];

    internal int Count { get; private set; }

    internal int Min => _nodes[0];

    internal void Clear() => Count = 0;

    internal void Insert(int node, long[] key)
    {
        var at = Count++;
        _nodes[at] = node;
        _position[node] = at;
        Up(at, key);
    }

    /// <summary>Restores order after <paramref name="key"/>[<paramref name="node"/>] decreased; the node must be in the heap.</summary>
    internal void Decreased(int node, long[] key) => Up(_position[node], key);

    /// <summary>Restores order after <paramref name="key"/>[<paramref name="node"/>] increased; the node must be in the heap.</summary>
    internal void Increased(int node, long[] key) => Down(_position[node], node, key);

    /// <summary>The node with the second smallest key (a child of the root), or −1 when the heap has one node.</summary>
    internal int SecondMin(long[] key)
    {
        if (Count < 2) return -1;
        if (Count == 2 || key[_nodes[1]] <= key[_nodes[2]]) return _nodes[1];
        return _nodes[2];
    }

    internal int PopMin(long[] key)
    {
        var nodes = _nodes;
        var top = nodes[0];
        var last = nodes[--Count];
        if (Count == 0) return top;
        Down(0, last, key);
        return top;
    }

    private void Down(int at, int node, long[] key)
    {
        var nodes = _nodes;
        var lastKey = key[node];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= Count) break;
            if (child + 1 < Count && key[nodes[child + 1]] < key[nodes[child]]) child++;
            if (key[nodes[child]] >= lastKey) break;
            nodes[at] = nodes[child];
            _position[nodes[at]] = at;
            at = child;
        }

        nodes[at] = node;
        _position[node] = at;
    }

    private void Up(int at, long[] key)
    {
        var nodes = _nodes;
        var node = nodes[at];
        var nodeKey = key[node];
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (key[nodes[parent]] <= nodeKey) break;
            nodes[at] = nodes[parent];
            _position[nodes[at]] = at;
            at = parent;
        }

        nodes[at] = node;
        _position[node] = at;
    }
}
