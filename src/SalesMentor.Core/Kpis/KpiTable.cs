namespace SalesMentor.Core.Kpis;

/// <summary>Data problems of one person's opportunities that keep them out of every period.</summary>
/// <param name="ClosedWithoutCloseDate">Closed opportunities with no close date: in no period's KPIs at all.</param>
/// <param name="WithoutCreatedDate">Opportunities with no created date: in no pipeline created, open pipeline or sales cycle
/// (they still count as won or lost by their close date).</param>
public readonly record struct KpiDataProblems(int ClosedWithoutCloseDate, int WithoutCreatedDate);

/// <summary>
/// The result of <see cref="ComputeKpis"/>: every <see cref="Kpi"/> for every person and period, stored as three flat
/// arrays (money, counts, ratios) indexed by person × period × KPI. Money is exact fixed point (see
/// <see cref="KpiMoney"/>); ratios are doubles; an undefined value (e.g. a win rate with nothing closed) is null.
/// Rows of one person are independent of every other person's, so <see cref="ComputeKpis.Recompute"/> can refresh a
/// few people in place. Not thread-safe while being recomputed.
/// </summary>
public sealed class KpiTable
{
    internal const long NullMoney = long.MinValue;

    internal KpiTable(int people, IReadOnlyList<Period> periods)
    {
        People = people;
        Periods = periods;
        var cells = checked(people * periods.Count);
        MoneyValues = new long[checked(cells * KpiCatalog.MoneyCount)];
        CountValues = new int[checked(cells * KpiCatalog.CountCount)];
        RatioValues = new double[checked(cells * KpiCatalog.RatioCount)];
        ActiveCells = new bool[cells];
        Problems = new KpiDataProblems[people];
    }

    /// <summary>Number of people; person indexes are those of the <see cref="KpiInput"/>.</summary>
    public int People { get; }

    /// <summary>The periods, contiguous and in order; a period index is a position in this list.</summary>
    public IReadOnlyList<Period> Periods { get; }

    internal long[] MoneyValues { get; }

    internal int[] CountValues { get; }

    internal double[] RatioValues { get; }

    internal bool[] ActiveCells { get; }

    internal KpiDataProblems[] Problems { get; }

    /// <summary>A money KPI in 1/10,000 corporate-currency units; null when undefined (average deal size, quota).</summary>
    /// <exception cref="ArgumentException"><paramref name="kpi"/> is not a money KPI.</exception>
    public long? Money(int person, int period, Kpi kpi)
    {
        var value = MoneyValues[(Cell(person, period) * KpiCatalog.MoneyCount) + Slot(kpi, KpiKind.Money)];
        return value == NullMoney ? null : value;
    }

    /// <summary>A money KPI in currency units, exactly; null when undefined.</summary>
    public decimal? MoneyInCurrency(int person, int period, Kpi kpi)
        => Money(person, period, kpi) is { } units ? KpiMoney.ToDecimal(units) : null;

    /// <summary>A count KPI; never undefined (0 when nothing happened).</summary>
    /// <exception cref="ArgumentException"><paramref name="kpi"/> is not a count KPI.</exception>
    public int Count(int person, int period, Kpi kpi)
        => CountValues[(Cell(person, period) * KpiCatalog.CountCount) + Slot(kpi, KpiKind.Count)];

    /// <summary>A ratio (0–1 for rates, any ≥ 0 for attainment and coverage) or days; null when undefined.</summary>
    /// <exception cref="ArgumentException"><paramref name="kpi"/> is not a ratio KPI.</exception>
    public double? Ratio(int person, int period, Kpi kpi)
    {
        var value = RatioValues[(Cell(person, period) * KpiCatalog.RatioCount) + Slot(kpi, KpiKind.Ratio)];
        return double.IsNaN(value) ? null : value;
    }

    /// <summary>
    /// Any KPI as a decimal for display and evidence: money in currency units (exact), counts, ratios converted from
    /// their double; null when undefined.
    /// </summary>
    public decimal? Value(int person, int period, Kpi kpi) => KpiCatalog.KindOf(kpi) switch
    {
        KpiKind.Money => MoneyInCurrency(person, period, kpi),
        KpiKind.Count => Count(person, period, kpi),
        _ => Ratio(person, period, kpi) is { } ratio ? (decimal)ratio : null,
    };

    /// <summary>Whether the person was employed on at least one day of the period; only they are ranked among peers.</summary>
    public bool IsActive(int person, int period) => ActiveCells[Cell(person, period)];

    /// <summary>Data problems of the person's opportunities that keep them out of every period.</summary>
    public KpiDataProblems DataProblemsOf(int person) => Problems[person];

    /// <summary>The index of the period containing <paramref name="date"/>, or −1.</summary>
    public int PeriodIndexOf(DateOnly date)
    {
        for (var i = 0; i < Periods.Count; i++)
        {
            if (Periods[i].Contains(date)) return i;
        }

        return -1;
    }

    internal int Cell(int person, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(person);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(person, People);
        ArgumentOutOfRangeException.ThrowIfNegative(period);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(period, Periods.Count);
        return (person * Periods.Count) + period;
    }

    internal static int Slot(Kpi kpi, KpiKind kind)
    {
        if (KpiCatalog.KindOf(kpi) != kind) throw new ArgumentException($"{kpi} is not a {kind} KPI.", nameof(kpi));
        return kind switch
        {
            KpiKind.Money => (int)kpi,
            KpiKind.Count => kpi - Kpi.WonDeals,
            _ => kpi - Kpi.WinRateByCount,
        };
    }
}
