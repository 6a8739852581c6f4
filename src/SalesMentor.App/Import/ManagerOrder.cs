namespace SalesMentor.App.Import;

/// <summary>Orders new people so that a manager who is new too comes before their reports (the foreign key is checked per statement).</summary>
internal static class ManagerOrder
{
    /// <summary>
    /// <paramref name="rows"/> by depth in the chain of managers among themselves; managers outside
    /// the list count as roots. A cycle (which planning refuses) cannot loop: a chain is cut after as many steps as there are rows.
    /// </summary>
    public static IEnumerable<T> Sort<T, TId>(List<T> rows, Func<T, TId> id, Func<T, TId?> manager) where TId : struct
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byId = rows.ToDictionary(id);
        var depth = new Dictionary<TId, int>();
        int DepthOf(T row)
        {
            var chain = new List<T>();
            var current = row;
            while (!depth.ContainsKey(id(current)) && manager(current) is { } m && byId.TryGetValue(m, out var next) && chain.Count <= rows.Count)
            {
                chain.Add(current);
                current = next;
            }

            var d = depth.TryGetValue(id(current), out var known) ? known : depth[id(current)] = 0;
            for (var i = chain.Count - 1; i >= 0; i--) depth[id(chain[i])] = ++d;
            return depth[id(row)];
        }

        return rows.OrderBy(DepthOf);
    }
}
