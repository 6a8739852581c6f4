using SalesMentor.App.Common;
using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Kpis;

/// <summary>The table and period a request names: a kind (month, quarter, year) and optionally a period key; by default the period of the last day with data.</summary>
internal static class KpiPeriodChoice
{
    public static Result<(KpiPeriodTable Table, int Index)> Resolve(KpiSnapshot snapshot, string? kind, string? period, PeriodKind defaultKind)
    {
        PeriodKind? requested = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            requested = KpiPeriodKeys.ParseKind(kind);
            if (requested is null) return Error.Validation("kpi.period_kind", "The period kind is month, quarter or year.");
        }

        if (string.IsNullOrWhiteSpace(period))
        {
            var table = snapshot.TableOf(requested ?? defaultKind);
            return (table, table.IndexOf(snapshot.AsOf));
        }

        if (!KpiPeriodKeys.TryParse(period, out var parsedKind, out var key))
        {
            return Error.Validation("kpi.period", "Name the period like 2026-03 (a month), 2026-Q3 (a fiscal quarter) or FY2026 (a fiscal year).");
        }

        if (requested is { } given && given != parsedKind)
        {
            return Error.Validation("kpi.period", $"{key} is not a {KpiPeriodKeys.NameOf(given)}.");
        }

        var chosen = snapshot.TableOf(parsedKind);
        var index = chosen.IndexOf(key);
        if (index < 0)
        {
            var (first, last) = (KpiPeriodKeys.KeyOf(chosen.Periods[0]), KpiPeriodKeys.KeyOf(chosen.Periods[^1]));
            return Error.Validation("kpi.period_out_of_range", $"There are no KPIs for {key}: the data covers {first} to {last}.");
        }

        return (chosen, index);
    }

    /// <summary>The KPI with this id; a validation error naming a few ids otherwise.</summary>
    public static Result<Kpi> Kpi(string? id, Kpi fallback)
    {
        if (string.IsNullOrWhiteSpace(id)) return fallback;
        return KpiCatalog.FromId(id.Trim().ToLowerInvariant()) is { } kpi
            ? kpi
            : Error.Validation("kpi.unknown", "Unknown KPI: use an id from GET /api/kpis, such as won-revenue, quota-attainment or win-rate-by-count.");
    }
}
