using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Kpis;

/// <summary>
/// The behaviour signals of one person per calendar month (see <see cref="ComputeBehaviourSignals"/>), with no access
/// check: callers decide who may see them (the scorecard's rule: whoever may see the person's sales data). Reads only
/// that person's opportunities and the activities of the months asked, converts amounts into the corporate currency as
/// the KPI engine does (a closed deal at the rate of its close date, an open one at the rate of its created date), and
/// computes. For a mentorship's adoption check-ins as much as for the scorecard.
/// </summary>
public sealed class BehaviourSignalReader(SalesMentorDb db, OrgClock clock)
{
    /// <summary>The months from <paramref name="firstMonth"/> up to the one holding <paramref name="asOf"/> (today by default), at most <paramref name="months"/>.</summary>
    public async Task<BehaviourSignalSeries> ReadAsync(PersonId person, DateOnly firstMonth, int months, DateOnly? asOf, CancellationToken ct)
    {
        var today = asOf ?? await clock.TodayAsync(ct);
        var currency = (await db.OrganizationSettings.AsNoTracking().Select(s => s.CorporateCurrency).SingleAsync(ct)).Trim().ToUpperInvariant();
        var rates = await db.ExchangeRates.AsNoTracking().Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(ct);
        var converter = new KpiCurrency(currency, new ExchangeRateTable(rates.Select(r => (r.Currency, r.ValidFrom, r.Rate))));

        var deals = await db.Opportunities.AsNoTracking().Where(o => o.OwnerId == person)
            .Select(o => new { o.Id, o.Amount, o.Currency, o.CreatedOn, o.CloseDate, o.IsClosed, o.IsWon, o.Source, o.ExternalId })
            .OrderBy(o => o.Id).ToListAsync(ct);
        var problems = new KpiLoadProblems();
        var opportunities = new SignalOpportunity[deals.Count];
        var index = new Dictionary<Guid, int>(deals.Count);
        for (var i = 0; i < deals.Count; i++)
        {
            var o = deals[i];
            var closed = o.IsClosed || o.IsWon;
            var amount = converter.OfDeal(o.Amount, o.Currency, closed ? o.CloseDate : o.CreatedOn, problems, o.Source, o.ExternalId);
            opportunities[i] = new SignalOpportunity(o.CreatedOn, o.CloseDate, closed, amount);
            index[o.Id] = i;
        }

        var from = FiscalCalendar.MonthOf(firstMonth).Start.AddDays(-ComputeBehaviourSignals.ActivityWindowDays);
        var through = today.AddDays(1);
        var logged = await db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == person && a.Completed && a.Date >= from && a.Date < through)
            .Select(a => new { a.Date, a.OpportunityId }).ToListAsync(ct);
        var activities = logged.Select(a => new SignalActivity(a.Date, true, a.OpportunityId is { } id && index.TryGetValue(id, out var at) ? at : -1)).ToArray();

        var series = ComputeBehaviourSignals.Monthly(opportunities, activities, firstMonth, months, today);
        return new BehaviourSignalSeries(person, currency, today, series, problems.DealsWithoutRateCount);
    }
}

/// <summary>A person's behaviour signals per month; <see cref="DealsWithoutRate"/> deals had no exchange rate on their date and are in no sum.</summary>
public sealed record BehaviourSignalSeries(PersonId Person, string Currency, DateOnly AsOf, IReadOnlyList<BehaviourSignalMonth> Months, int DealsWithoutRate);
