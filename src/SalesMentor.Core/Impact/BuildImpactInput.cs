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
        var periods = table.Periods.Count;
        var values = new double[table.People * periods];
        var kind = KpiCatalog.KindOf(kpi);
        for (var person = 0; person < table.People; person++)
        {
            for (var period = 0; period < periods; period++)
            {
                double? value = !table.IsActive(person, period) ? null : kind switch
                {
                    KpiKind.Money => table.MoneyInCurrency(person, period, kpi) is { } money ? (double)money : null,
                    KpiKind.Count => table.Count(person, period, kpi),
                    _ => table.Ratio(person, period, kpi),
                };
                values[(person * periods) + period] = value is { } v ? v * scale : double.NaN;
            }
        }

        return new ImpactInput(periods, values, tenureAtFirstPeriod, teams, starts);
    }
}
