namespace SalesMentor.Core.People;

/// <summary>
/// The manager tree of an organization: each person has at most one manager. Built from
/// (person, manager) pairs; tolerates pairs that point at unknown people (treated as no manager)
/// and reports cycles instead of looping.
/// </summary>
public sealed class Hierarchy
{
    private readonly Dictionary<PersonId, PersonId> _managerOf = [];
    private readonly Dictionary<PersonId, List<PersonId>> _reportsOf = [];

    /// <param name="edges">Every person once, with their manager or null.</param>
    public Hierarchy(IEnumerable<(PersonId Person, PersonId? Manager)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var people = new HashSet<PersonId>();
        var pairs = new List<(PersonId Person, PersonId Manager)>();
        foreach (var (person, manager) in edges)
        {
            people.Add(person);
            if (manager is { } m && m != person) pairs.Add((person, m));
        }

        foreach (var (person, manager) in pairs)
        {
            if (!people.Contains(manager)) continue;
            _managerOf[person] = manager;
            if (!_reportsOf.TryGetValue(manager, out var reports)) _reportsOf[manager] = reports = [];
            reports.Add(person);
        }

        People = people;
    }

    /// <summary>Everyone in the tree.</summary>
    public IReadOnlySet<PersonId> People { get; }

    /// <summary>The direct manager, or null.</summary>
    public PersonId? ManagerOf(PersonId person) => _managerOf.TryGetValue(person, out var m) ? m : null;

    /// <summary>Direct reports, in the order the edges were given.</summary>
    public IReadOnlyList<PersonId> ReportsOf(PersonId manager) =>
        _reportsOf.TryGetValue(manager, out var reports) ? reports : [];

    /// <summary>The manager chain upward: direct manager first, the top last. Stops if it meets a cycle.</summary>
    public IReadOnlyList<PersonId> ChainOf(PersonId person)
    {
        var chain = new List<PersonId>();
        var seen = new HashSet<PersonId> { person };
        var current = person;
        while (_managerOf.TryGetValue(current, out var manager) && seen.Add(manager))
        {
            chain.Add(manager);
            current = manager;
        }

        return chain;
    }

    /// <summary>True when <paramref name="manager"/> is anywhere above <paramref name="person"/>.</summary>
    public bool IsAbove(PersonId manager, PersonId person) => manager != person && ChainOf(person).Contains(manager);

    /// <summary>Everyone below <paramref name="manager"/> (reports, their reports, …), not the manager.</summary>
    public IReadOnlySet<PersonId> Below(PersonId manager)
    {
        var result = new HashSet<PersonId>();
        var stack = new Stack<PersonId>();
        stack.Push(manager);
        while (stack.Count > 0)
        {
            foreach (var report in ReportsOf(stack.Pop()))
            {
                if (report != manager && result.Add(report)) stack.Push(report);
            }
        }

        return result;
    }

    /// <summary>People with no manager in the tree (the roots), in edge order.</summary>
    public IEnumerable<PersonId> Roots => People.Where(p => !_managerOf.ContainsKey(p));

    /// <summary>
    /// Every cycle in the manager relation, each as the people in it in manager order
    /// (a → its manager → …). Empty for a proper tree.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PersonId>> Cycles()
    {
        var cycles = new List<IReadOnlyList<PersonId>>();
        var state = new Dictionary<PersonId, int>(); // 1 = on the current path, 2 = done
        foreach (var start in People)
        {
            if (state.ContainsKey(start)) continue;
            var path = new List<PersonId>();
            var current = start;
            while (true)
            {
                if (state.TryGetValue(current, out var s))
                {
                    if (s == 1) cycles.Add(path[path.IndexOf(current)..]);
                    break;
                }

                state[current] = 1;
                path.Add(current);
                if (!_managerOf.TryGetValue(current, out var next)) break;
                current = next;
            }

            foreach (var p in path) state[p] = 2;
        }

        return cycles;
    }
}
