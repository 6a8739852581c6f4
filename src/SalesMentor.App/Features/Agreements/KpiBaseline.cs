using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Agreements;

/// <summary>
/// The baseline of a KPI goal: the mean of the mentee's monthly values over the <c>months</c> whole calendar months
/// before <c>today</c>, from the KPI snapshot. Months without a value (no data in them) are left out of the mean; with
/// none at all the baseline is null ("no data yet").
/// </summary>
internal static class KpiBaseline
{
    public const int DefaultMonths = 3;
    public const int MaxMonths = 12;

    public static (decimal? Value, string From, string To) Capture(KpiSnapshot snapshot, PersonId person, Kpi kpi, DateOnly today, int months)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        var from = firstOfMonth.AddMonths(-months);
        var to = firstOfMonth.AddMonths(-1);
        var (fromKey, toKey) = ($"{from:yyyy-MM}", $"{to:yyyy-MM}");
        var index = snapshot.IndexOf(person);
        if (index < 0) return (null, fromKey, toKey);
        var table = snapshot.TableOf(PeriodKind.Month);
        var values = new List<decimal>();
        for (var p = 0; p < table.Periods.Count; p++)
        {
            if (table.Periods[p].Start < from || table.Periods[p].Start >= firstOfMonth) continue;
            if (table.Table.Value(index, p, kpi) is { } v) values.Add(v);
        }

        return (values.Count == 0 ? null : Math.Round(values.Average(), 4), fromKey, toKey);
    }
}
