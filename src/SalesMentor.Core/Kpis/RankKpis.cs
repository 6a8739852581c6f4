namespace SalesMentor.Core.Kpis;

/// <summary>Percentile ranks of every ranked KPI (see <see cref="KpiDefinition.IsRanked"/>) for every person and period.</summary>
public sealed class KpiRanks
{
    private static readonly Kpi[] RankedKpis = [.. KpiCatalog.All.Where(d => d.IsRanked).Select(d => d.Kpi)];
    private static readonly int[] SlotOf = [.. KpiCatalog.All.Select(d => Array.IndexOf(RankedKpis, d.Kpi))];
    private static readonly int RankedCount = RankedKpis.Length;
    private readonly double[] _percentiles;
    private readonly int _periods;

    internal KpiRanks(int people, int periods)
    {
        People = people;
        _periods = periods;
        _percentiles = new double[checked(people * periods * RankedCount)];
        Array.Fill(_percentiles, double.NaN);
    }

    /// <summary>The KPIs that are ranked, in enum order.</summary>
    public static IReadOnlyList<Kpi> Ranked => RankedKpis;

    /// <summary>Number of people.</summary>
    public int People { get; }

    /// <summary>
    /// The person's percentile rank (0–100) for the KPI in the period among their peers; null when the person is not
    /// ranked there (value undefined, not employed in the period, in no peer group) or the KPI is not ranked.
    /// A high percentile means a high value, whether or not high is good (a long sales cycle ranks high).
    /// </summary>
    public double? Percentile(int person, int period, Kpi kpi)
    {
        var slot = SlotOf[(int)kpi];
        if (slot < 0) return null;
        var value = _percentiles[Index(person, period, slot)];
        return double.IsNaN(value) ? null : value;
    }

    internal void Set(int person, int period, int slot, double percentile) => _percentiles[Index(person, period, slot)] = percentile;

    private int Index(int person, int period, int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(person, People);
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(period, _periods);
        return (((person * _periods) + period) * RankedCount) + slot;
    }
}

/// <summary>
/// Percentile ranks among peers. For one KPI, period and peer group, the people ranked are those of the group who were
/// employed in the period and have a defined value; with n of them, L with a strictly lower value and E with an equal
/// value (E counts the person), the percentile rank is 100 × (L + E / 2) / n — the "mid-rank" definition: a lone
/// person is at 50, the best of four distinct values at 87.5, the worst at 12.5, and equal values share one rank.
/// </summary>
public static class RankKpis
{
    /// <summary>Ranks every ranked KPI of every period.</summary>
    /// <param name="table">The KPIs.</param>
    /// <param name="peerGroups">Peer group per person (e.g. region or team index, ≥ 0), or −1 for someone who is
    /// ranked with nobody (a manager); empty to rank everybody together.</param>
    /// <exception cref="ArgumentException">Peer groups are given for a different number of people.</exception>
    public static KpiRanks Among(KpiTable table, ReadOnlyMemory<int> peerGroups = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var groups = PeerGroups.Of(table.People, peerGroups);
        var ranks = new KpiRanks(table.People, table.Periods.Count);
        Parallel.For(0, table.Periods.Count, period =>
        {
            var keys = new long[table.People];
            var people = new int[table.People];
            for (var slot = 0; slot < KpiRanks.Ranked.Count; slot++)
            {
                var kpi = KpiRanks.Ranked[slot];
                foreach (var members in groups)
                {
                    var n = Collect(table, period, kpi, members, keys, people);
                    keys.AsSpan(0, n).Sort(people.AsSpan(0, n));
                    for (var i = 0; i < n;)
                    {
                        var j = i + 1;
                        while (j < n && keys[j] == keys[i]) j++;
                        var percentile = (i + ((j - i) / 2.0)) * 100 / n;
                        for (var k = i; k < j; k++) ranks.Set(people[k], period, slot, percentile);
                        i = j;
                    }
                }
            }
        });

        return ranks;
    }

    /// <summary>Sort keys of the defined values of the group's active members; returns how many. Reads the arrays directly.</summary>
    private static int Collect(KpiTable table, int period, Kpi kpi, int[] members, long[] keys, int[] people)
    {
        var n = 0;
        var periods = table.Periods.Count;
        var kind = KpiCatalog.KindOf(kpi);
        var slot = KpiTable.Slot(kpi, kind);
        foreach (var person in members)
        {
            var cell = (person * periods) + period;
            if (!table.ActiveCells[cell]) continue;
            long key;
            if (kind == KpiKind.Money)
            {
                key = table.MoneyValues[(cell * KpiCatalog.MoneyCount) + slot];
                if (key == KpiTable.NullMoney) continue;
            }
            else if (kind == KpiKind.Count)
            {
                key = table.CountValues[(cell * KpiCatalog.CountCount) + slot];
            }
            else
            {
                var ratio = table.RatioValues[(cell * KpiCatalog.RatioCount) + slot];
                if (double.IsNaN(ratio)) continue;
                key = SortKey(ratio);
            }

            keys[n] = key;
            people[n] = person;
            n++;
        }

        return n;
    }

    /// <summary>A long that orders like the double (not NaN): its bits, with negative values flipped; −0 and +0 are one value.</summary>
    internal static long SortKey(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value);
        return bits >= 0 ? bits : bits ^ long.MaxValue;
    }
}

/// <summary>Peer groups as lists of members.</summary>
internal static class PeerGroups
{
    internal static int[][] Of(int people, ReadOnlyMemory<int> peerGroups)
    {
        if (peerGroups.IsEmpty) return [Enumerable.Range(0, people).ToArray()];
        if (peerGroups.Length != people) throw new ArgumentException("A peer group is given for every person or for none.", nameof(peerGroups));
        var span = peerGroups.Span;
        var count = 0;
        foreach (var group in span) count = Math.Max(count, group + 1);
        var members = new List<int>[count];
        for (var g = 0; g < count; g++) members[g] = [];
        for (var person = 0; person < people; person++)
        {
            if (span[person] >= 0) members[span[person]].Add(person);
        }

        return [.. members.Select(m => m.ToArray())];
    }
}
