using SalesMentor.App.Common;
using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Kpis;

/// <summary>
/// What the KPI pages choose from: every KPI's definition, the periods with data (by kind, oldest first) and the
/// periods holding the last day with data. Records nobody owns are counted (no names). Admins also see how long the
/// last recompute took.
/// </summary>
public sealed record KpiOverview(
    string Currency, DateOnly AsOf, DateTime ComputedAt, IReadOnlyList<KpiDefinitionView> Kpis,
    IReadOnlyList<PeriodView> Months, IReadOnlyList<PeriodView> Quarters, IReadOnlyList<PeriodView> Years,
    string CurrentMonth, string CurrentQuarter, string CurrentYear, int UnownedOpportunities, int UnownedActivities, KpiBuildStats? Stats);

/// <summary>The overview of the current snapshot; the same object for every non-admin (and one for admins) until it changes.</summary>
public sealed class GetKpiOverview(KpiCache cache)
{
    public async Task<Result<KpiOverview>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var snapshot = await cache.GetAsync(ct);
        return snapshot.Derived((typeof(KpiOverview), actor.IsAdmin), static (s, key) => Of(s, key.IsAdmin));
    }

    private static KpiOverview Of(KpiSnapshot snapshot, bool isAdmin)
    {
        var (months, quarters, years) = (snapshot.TableOf(PeriodKind.Month), snapshot.TableOf(PeriodKind.FiscalQuarter), snapshot.TableOf(PeriodKind.FiscalYear));
        return new KpiOverview(
            snapshot.Currency, snapshot.AsOf, snapshot.Stats.ComputedAt, [.. KpiCatalog.All.Select(d => KpiDefinitionView.Of(d.Kpi))],
            Views(months), Views(quarters), Views(years), Current(months, snapshot), Current(quarters, snapshot), Current(years, snapshot),
            snapshot.Data.UnownedOpportunities, snapshot.Data.UnownedActivities, isAdmin ? snapshot.Stats : null);
    }

    private static List<PeriodView> Views(KpiPeriodTable table) => [.. table.Periods.Select(PeriodView.Of)];

    private static string Current(KpiPeriodTable table, KpiSnapshot snapshot) => KpiPeriodKeys.KeyOf(table.Periods[table.IndexOf(snapshot.AsOf)]);
}
