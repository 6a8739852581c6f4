using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Impact;

/// <summary>Builds an <see cref="ImpactInput"/> from the KPI engine's table, so the impact estimate reads the same numbers the KPI pages show.</summary>
public static class BuildImpactInput
{
    /// <summary>
    /// One KPI of every person of <paramref name="table"/> over its periods. A period where the person was not employed,
    /// or where the KPI is undefined (a win rate with no closed deal), has no value (NaN).
    /// </summary>
    /// <param name="table">KPIs per person and period (the periods are the impact's periods, usually months).</param>
    /// <param name="kpi">The KPI to estimate on.</param>
    /// <param name="scale">Multiplier applied to every value, e.g. 100 to read a rate (0–1) in percentage points.</param>
    /// <param name="tenureAtFirstPeriod">Per person, tenure in periods at the first period.</param>
    /// <param name="teams">Per person, a team or region code.</param>
    /// <param name="starts">Per person, first mentored period index or <see cref="ImpactInput.NotMentored"/>.</param>
    public static ImpactInput FromKpis(KpiTable table, Kpi kpi, double scale, double[] tenureAtFirstPeriod, int[] teams, int[] starts)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FromKpis(table, kpi, scale, [.. Enumerable.Range(0, table.People)], table.Periods.Count, tenureAtFirstPeriod, teams, starts);
    }

    /// <summary>
    /// One KPI of the chosen people of <paramref name="table"/> over its first <paramref name="periods"/> periods (e.g. the
    /// whole months only): rep <c>i</c> of the input is person <c>people[i]</c> of the table.
    /// </summary>
    /// <param name="table">KPIs per person and period.</param>
    /// <param name="kpi">The KPI to estimate on.</param>
    /// <param name="scale">Multiplier applied to every value.</param>
    /// <param name="people">Table person indexes, one per rep of the input.</param>
    /// <param name="periods">How many of the table's periods, from the first (1 to all).</param>
    /// <param name="tenureAtFirstPeriod">Per rep, tenure in periods at the first period.</param>
    /// <param name="teams">Per rep, a team or region code.</param>
    /// <param name="starts">Per rep, first mentored period index or <see cref="ImpactInput.NotMentored"/>.</param>
    public static ImpactInput FromKpis(
        KpiTable table, Kpi kpi, double scale, IReadOnlyList<int> people, int periods, double[] tenureAtFirstPeriod, int[] teams, int[] starts)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, table.Periods.Count);
        var values = new double[people.Count * periods];
        var kind = KpiCatalog.KindOf(kpi);
        for (var rep = 0; rep < people.Count; rep++)
        {
            var person = people[rep];
            for (var period = 0; period < periods; period++)
            {
                double? value = !table.IsActive(person, period) ? null : kind switch
                {
                    KpiKind.Money => table.MoneyInCurrency(person, period, kpi) is { } money ? (double)money : null,
                    KpiKind.Count => table.Count(person, period, kpi),
                    _ => table.Ratio(person, period, kpi),
                };
                values[(rep * periods) + period] = value is { } v ? v * scale : double.NaN;
            }
        }

        return new ImpactInput(periods, values, tenureAtFirstPeriod, teams, starts);
    }

    /// <summary>
    /// A win rate over the trailing <paramref name="window"/> periods (the period and the ones before it): won ÷ closed
    /// summed over the window, by count (<see cref="Kpi.WinRateByCount"/>) or by value (<see cref="Kpi.WinRateByValue"/>).
    /// One month holds too few closed deals for most reps, so a monthly win rate has no value in many months; over three
    /// months nearly every rep has one. NaN when the person was not employed in the period or closed nothing in the window.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="kpi"/> is not one of the two win rates.</exception>
    public static ImpactInput TrailingWinRate(
        KpiTable table, Kpi kpi, int window, double scale, IReadOnlyList<int> people, int periods, double[] tenureAtFirstPeriod, int[] teams, int[] starts)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, table.Periods.Count);
        if (kpi is not (Kpi.WinRateByCount or Kpi.WinRateByValue)) throw new ArgumentException("Only the win rates have a trailing form.", nameof(kpi));
        (double Won, double Closed) Part(int person, int period) => kpi == Kpi.WinRateByCount
            ? (table.Count(person, period, Kpi.WonDeals), table.Count(person, period, Kpi.ClosedDeals))
            : ((double)(table.MoneyInCurrency(person, period, Kpi.WonRevenue) ?? 0),
               (double)((table.MoneyInCurrency(person, period, Kpi.WonRevenue) ?? 0) + (table.MoneyInCurrency(person, period, Kpi.LostAmount) ?? 0)));

        var values = new double[people.Count * periods];
        for (var rep = 0; rep < people.Count; rep++)
        {
            var person = people[rep];
            for (var period = 0; period < periods; period++)
            {
                var (won, closed) = (0.0, 0.0);
                for (var p = Math.Max(0, period - window + 1); p <= period; p++)
                {
                    if (!table.IsActive(person, p)) continue;
                    var (w, c) = Part(person, p);
                    (won, closed) = (won + w, closed + c);
                }

                values[(rep * periods) + period] = table.IsActive(person, period) && closed > 0 ? won / closed * scale : double.NaN;
            }
        }

        return new ImpactInput(periods, values, tenureAtFirstPeriod, teams, starts);
    }
}
