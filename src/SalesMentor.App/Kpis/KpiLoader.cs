using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;
using DomainActivityType = SalesMentor.App.Domain.ActivityType;

namespace SalesMentor.App.Kpis;

/// <summary>
/// Reads people, opportunities, activities, quotas and exchange rates as flat, untracked projections, streamed (the
/// large demo has three million records; opportunities and activities are read at the same time, each through a
/// context of its own), converts amounts into the corporate currency, and builds the <see cref="KpiInput"/>.
/// Dates arrive as day numbers, computed by the database. A closed deal is converted at the rate valid on its close
/// date, an open deal at the rate valid on its created date, a quota at the rate of its first day; a record whose
/// currency has no rate on that day keeps its counts but leaves every sum, and is reported.
/// </summary>
internal static class KpiLoader
{
    private sealed record OpportunityFacts(PersonId? Owner, decimal? Amount, string? Foreign, string? Source, string? ExternalId,
        int? Created, int? Closed, bool IsClosed, bool IsWon);

    private sealed record ActivityFacts(PersonId? Owner, int Day, DomainActivityType Type, bool Completed);

    private sealed record QuotaFacts(PersonId Person, DateOnly Start, DateOnly End, decimal Amount, string Currency);

    private sealed record Stream<T>(RecordBuffer<T> Records, bool[] HasData, DayRange Range, int Unowned)
        where T : struct;

    public static async Task<KpiData> LoadAsync(IServiceScopeFactory scopes, KpiCacheKey key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var rates = new KpiCurrency(key.Currency, new ExchangeRateTable((await db.ExchangeRates.AsNoTracking()
            .Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(ct)).Select(r => (r.Currency, r.ValidFrom, r.Rate))));
        var rows = await db.People.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.TeamId, p.RegionId, p.HireDate, p.LeftOn }).ToListAsync(ct);
        rows.Sort((a, b) => a.Id.Value.CompareTo(b.Id.Value));   // a stable person order, whatever the database returns
        var index = rows.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var problems = rows.Select(_ => new KpiLoadProblems()).ToArray();

        var opportunities = Task.Run(() => OpportunitiesAsync(scopes, index, rates, problems, ct), ct);
        var activities = Task.Run(() => ActivitiesAsync(scopes, index, ct), ct);
        var quotas = await QuotasAsync(db, index, rates, problems, ct);
        var (o, a) = (await opportunities, await activities);

        var employment = rows.Select(p => p.HireDate is { } f && p.LeftOn is { } u && u <= f ? default : new KpiEmployment(p.HireDate, p.LeftOn)).ToArray();
        var input = new KpiInput(rows.Count, o.Records.AsMemory(), a.Records.AsMemory(), quotas.Records.AsMemory(), employment);
        var people = rows.Select((p, i) => new KpiPerson(p.Id, p.Name, p.TeamId, p.RegionId, o.HasData[i] || a.HasData[i] || quotas.HasData[i])).ToList();
        var range = DayRange.Merge(o.Range, a.Range, quotas.Range);
        var (first, end, asOf) = range.Window(key.Today);
        return new KpiData
        {
            People = people, Input = input, Problems = problems, AsOf = asOf, FirstDay = first, EndDay = end,
            UnownedOpportunities = o.Unowned, UnownedActivities = a.Unowned,
        };
    }

    private static async Task<Stream<KpiOpportunity>> OpportunitiesAsync(
        IServiceScopeFactory scopes, Dictionary<PersonId, int> index, KpiCurrency currency, KpiLoadProblems[] problems, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var corporate = currency.Corporate;
        var query = db.Opportunities.AsNoTracking().Select(o => new OpportunityFacts(
            o.OwnerId, o.Amount,
            o.Currency == corporate ? null : o.Currency,
            o.Currency == corporate ? null : o.Source,
            o.Currency == corporate ? null : o.ExternalId,
            o.CreatedOn == null ? null : o.CreatedOn.Value.DayNumber,
            o.CloseDate == null ? null : o.CloseDate.Value.DayNumber,
            o.IsClosed, o.IsWon));
        var records = new RecordBuffer<KpiOpportunity>();
        var hasData = new bool[index.Count];
        var range = new DayRange();
        var unowned = 0;
        await foreach (var o in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (o.Owner is not { } owner || !index.TryGetValue(owner, out var person))
            {
                unowned++;
                continue;
            }

            hasData[person] = true;
            var closed = o.IsClosed || o.IsWon;
            if (o.IsWon && !o.IsClosed) problems[person].WonButNotClosed++;
            var created = Day(o.Created);
            var close = Day(o.Closed);
            var amount = currency.OfDeal(o.Amount, o.Foreign, closed ? close : created, problems[person], o.Source, o.ExternalId);
            records.Add(new KpiOpportunity(person, created, close, closed, o.IsWon, amount));
            range.Add(o.Created);
            if (closed) range.Add(o.Closed);
        }

        return new(records, hasData, range, unowned);
    }

    private static async Task<Stream<KpiActivity>> ActivitiesAsync(IServiceScopeFactory scopes, Dictionary<PersonId, int> index, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var query = db.Activities.AsNoTracking().Select(a => new ActivityFacts(a.OwnerId, a.Date.DayNumber, a.Type, a.Completed));
        var records = new RecordBuffer<KpiActivity>();
        var hasData = new bool[index.Count];
        var range = new DayRange();
        var unowned = 0;
        await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (a.Owner is not { } owner || !index.TryGetValue(owner, out var person))
            {
                unowned++;
                continue;
            }

            hasData[person] = true;
            records.Add(new KpiActivity(person, DateOnly.FromDayNumber(a.Day), TypeOf(a.Type), a.Completed));
            range.Add(a.Day);
        }

        return new(records, hasData, range, unowned);
    }

    private static async Task<Stream<KpiQuota>> QuotasAsync(
        SalesMentorDb db, Dictionary<PersonId, int> index, KpiCurrency currency, KpiLoadProblems[] problems, CancellationToken ct)
    {
        var rows = await db.Quotas.AsNoTracking()
            .Select(q => new QuotaFacts(q.PersonId, q.PeriodStart, q.PeriodEnd, q.Amount, q.Currency)).ToListAsync(ct);
        var records = new RecordBuffer<KpiQuota>();
        var hasData = new bool[index.Count];
        var range = new DayRange();
        foreach (var q in rows)
        {
            if (!index.TryGetValue(q.Person, out var person) || q.End <= q.Start) continue;
            hasData[person] = true;
            if (currency.OfQuota(q.Amount, q.Currency, q.Start) is not { } amount)
            {
                problems[person].QuotasWithoutRate++;
                continue;
            }

            records.Add(new KpiQuota(person, q.Start, q.End, amount));
            range.AddPlan(q.Start, q.End);
        }

        return new(records, hasData, range, 0);
    }

    private static DateOnly? Day(int? dayNumber) => dayNumber is { } d ? DateOnly.FromDayNumber(d) : null;

    private static ActivityType TypeOf(DomainActivityType type) => type switch
    {
        DomainActivityType.Call => ActivityType.Call,
        DomainActivityType.Email => ActivityType.Email,
        DomainActivityType.Meeting => ActivityType.Meeting,
        DomainActivityType.Task => ActivityType.Task,
        _ => ActivityType.Other,
    };
}
