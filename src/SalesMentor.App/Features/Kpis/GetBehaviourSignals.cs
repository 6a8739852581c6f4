using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Kpis;

/// <param name="Months">How many calendar months, 1–24 (default 6), ending with <paramref name="Through"/>.</param>
/// <param name="Through">The last month, like 2026-03; by default the current one (counted up to today).</param>
public sealed record GetBehaviourSignalsRequest(int? Months = null, string? Through = null);

/// <summary>
/// A person's behaviour signals per month: the measures (<see cref="Months"/>) and each behaviour of the catalog that has
/// a CRM signal with its value per month (<see cref="Behaviours"/>, same order as the months; null is empty, shown "–").
/// Amounts are in <see cref="Currency"/>.
/// </summary>
public sealed record BehaviourSignalsView(
    PersonId Person, string Currency, DateOnly AsOf, IReadOnlyList<SignalMonthView> Months, IReadOnlyList<BehaviourSignalRowView> Behaviours, int DealsWithoutRate);

/// <summary>One month's measures; <see cref="LastDayCounted"/> is the month's last day, or today in the current month.</summary>
public sealed record SignalMonthView(
    string Label, DateOnly Start, DateOnly End, DateOnly LastDayCounted, int OpenOpportunities, int RecentActivities, int TouchedOpportunities,
    decimal PipelineCreated, int OpportunitiesCreated, decimal? ActivitiesPerOpenOpportunity, decimal? TouchedShare)
{
    public static SignalMonthView Of(BehaviourSignalMonth m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Month.Label, m.Month.Start, m.Month.End, m.Cut.AddDays(-1), m.OpenOpportunities, m.RecentActivities, m.TouchedOpportunities,
            KpiMoney.ToDecimal(m.PipelineCreated), m.OpportunitiesCreated, m.ActivitiesPerOpenOpportunity, m.TouchedShare);
    }
}

/// <summary>A behaviour of the catalog with its CRM signal's value in each month of the view.</summary>
public sealed record BehaviourSignalRowView(Guid Id, string Name, CrmSignal Signal, IReadOnlyList<decimal?> Values);

/// <summary>The value of a behaviour's CRM signal in one month; null for no signal or an empty value.</summary>
public static class CrmSignalValues
{
    public static decimal? Of(CrmSignal signal, BehaviourSignalMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return signal switch
        {
            CrmSignal.ActivitiesPerOpenOpportunity => month.ActivitiesPerOpenOpportunity,
            CrmSignal.PipelineCreatedPerMonth => KpiMoney.ToDecimal(month.PipelineCreated),
            CrmSignal.OpenOpportunitiesTouchedLast14Days => month.TouchedShare,
            _ => null,
        };
    }
}

/// <summary>
/// A person's behaviour signals over recent months, computed from their CRM data (docs/kpis.md, behaviour signals).
/// Visible exactly like their scorecard: 404 for whoever may not see their sales data.
/// </summary>
public sealed class GetBehaviourSignals(SalesMentorDb db, Access access, BehaviourSignalReader reader, OrgClock clock)
{
    public const int DefaultMonths = 6;
    public const int MaxMonths = 24;
    private const int EarliestYear = 1900;

    public async Task<Result<BehaviourSignalsView>> HandleAsync(Actor actor, PersonId id, GetBehaviourSignalsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanSeePersonAsync(actor, id, ct) || !await access.CanSeeSalesDataAsync(actor, id, ct)) return Error.NotFound("person");
        var months = request.Months ?? DefaultMonths;
        if (months is < 1 or > MaxMonths) return Error.Validation("signals.months", $"Ask for 1 to {MaxMonths} months.");
        var today = await clock.TodayAsync(ct);
        var last = FiscalCalendar.MonthOf(today);
        if (!string.IsNullOrWhiteSpace(request.Through))
        {
            if (!DateOnly.TryParseExact(request.Through.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var through)
                || through.Year < EarliestYear)
            {
                return Error.Validation("signals.through", "The last month is written like 2026-03.");
            }

            if (through < last.Start) last = FiscalCalendar.MonthOf(through);
        }

        var asOf = last.End <= today ? last.LastDay : today;
        var series = await reader.ReadAsync(id, last.Start.AddMonths(1 - months), months, asOf, ct);
        var behaviours = await db.Behaviours.AsNoTracking().Where(b => !b.Archived && b.Signal != CrmSignal.None)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Name).Select(b => new { b.Id, b.Name, b.Signal }).ToListAsync(ct);
        return new BehaviourSignalsView(
            id, series.Currency, series.AsOf, [.. series.Months.Select(SignalMonthView.Of)],
            [.. behaviours.Select(b => new BehaviourSignalRowView(b.Id, b.Name, b.Signal, [.. series.Months.Select(m => CrmSignalValues.Of(b.Signal, m))]))],
            series.DealsWithoutRate);
    }
}
