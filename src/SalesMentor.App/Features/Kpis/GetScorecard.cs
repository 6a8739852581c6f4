using SalesMentor.App.Common;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Kpis;

/// <param name="PeriodKind">month, quarter (the default) or year.</param>
/// <param name="Period">The period's key (2026-03, 2026-Q3, FY2026); by default the one holding the last day with data.</param>
public sealed record GetScorecardRequest(string? PeriodKind = null, string? Period = null);

/// <summary>A person's KPIs in one period, with trends, ranks, a year of history, star status, skill signals and data problems.</summary>
public sealed record ScorecardView(
    PersonId Person, string Name, bool IsRanked, string Currency, DateOnly AsOf, DateTime ComputedAt,
    PeriodView Period, PeriodView? Previous, IReadOnlyList<PeriodView> Periods, IReadOnlyList<PeriodView> Series,
    IReadOnlyList<KpiTileView> Tiles, StarVerdictView? Star, string StarRule,
    IReadOnlyList<SkillSignalView> Signals, PeriodView SignalWindow, ScorecardDataProblems DataProblems);

/// <summary>
/// A rep's scorecard; visible exactly like their opportunities (404 otherwise). Once the access check passed, the view
/// depends on the snapshot alone and is kept with it: the same object for everyone who may see it.
/// </summary>
public sealed class GetScorecard(Access access, KpiCache cache)
{
    private const int SeriesLength = 12;

    public async Task<Result<ScorecardView>> HandleAsync(Actor actor, PersonId id, GetScorecardRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanSeePersonAsync(actor, id, ct) || !await access.CanSeeSalesDataAsync(actor, id, ct)) return Error.NotFound("person");
        var snapshot = await cache.GetAsync(ct);
        var choice = KpiPeriodChoice.Resolve(snapshot, request.PeriodKind, request.Period, PeriodKind.FiscalQuarter);
        if (!choice.IsSuccess) return choice.Error!;
        var (table, index) = choice.Value;
        return snapshot.Derived((typeof(ScorecardView), id, table, index), static (s, key) => Of(s, key.id, key.table, key.index));
    }

    private static ScorecardView Of(KpiSnapshot snapshot, PersonId id, KpiPeriodTable table, int index)
    {
        var person = snapshot.IndexOf(id);
        if (person < 0) return Empty(id, snapshot, table, index);

        var first = Math.Max(0, index - SeriesLength + 1);
        var tiles = KpiCatalog.All.Select(d => Tile(table, person, index, first, d.Kpi)).ToList();
        var info = snapshot.People[person];
        var verdict = snapshot.Stars.Verdicts[person];
        return new ScorecardView(
            id, info.Name, info.IsRep, snapshot.Currency, snapshot.AsOf, snapshot.Stats.ComputedAt,
            PeriodView.Of(table.Periods[index]), index > 0 ? PeriodView.Of(table.Periods[index - 1]) : null,
            [.. table.Periods.Select(PeriodView.Of)], [.. table.Periods.Skip(first).Take(index - first + 1).Select(PeriodView.Of)],
            tiles, verdict is null ? null : StarVerdictView.Of(verdict), StarRules.Describe(snapshot.Stars.Rule),
            [.. snapshot.Signals.ByPerson[person].Select(SkillSignalView.Of)], PeriodView.Of(snapshot.Signals.Window),
            Problems(snapshot, table.Table, person, index));
    }

    private static KpiTileView Tile(KpiPeriodTable table, int person, int period, int first, Kpi kpi)
    {
        var percentile = table.Everyone.Percentile(person, period, kpi);
        var series = Enumerable.Range(first, period - first + 1).Select(p => table.Table.Value(person, p, kpi)).ToList();
        return new KpiTileView(
            KpiDefinitionView.Of(kpi), table.Table.Value(person, period, kpi), period > 0 ? table.Table.Value(person, period - 1, kpi) : null,
            percentile, table.Team.Percentile(person, period, kpi), KpiValues.Band(kpi, percentile), series);
    }

    private static ScorecardDataProblems Problems(KpiSnapshot snapshot, KpiTable table, int person, int period)
    {
        var engine = table.DataProblemsOf(person);
        var loader = snapshot.ProblemsOf(person);
        return new ScorecardDataProblems(
            engine.ClosedWithoutCloseDate, engine.WithoutCreatedDate, loader.DealsWithoutRateCount, [.. loader.DealsWithoutRate],
            loader.QuotasWithoutRate, loader.ImplausibleAmounts, loader.WonButNotClosed,
            table.Count(person, period, Kpi.WonWithoutAmount), table.Count(person, period, Kpi.LostWithoutAmount),
            table.Count(person, period, Kpi.SalesCycleMissingCreatedDate), table.Count(person, period, Kpi.SalesCycleNegative));
    }

    /// <summary>Someone added since the KPIs were computed without a change to the sales data: no records, so nothing to show yet.</summary>
    private static ScorecardView Empty(PersonId id, KpiSnapshot snapshot, KpiPeriodTable table, int index)
    {
        var period = PeriodView.Of(table.Periods[index]);
        return new ScorecardView(
            id, "", false, snapshot.Currency, snapshot.AsOf, snapshot.Stats.ComputedAt, period, null,
            [.. table.Periods.Select(PeriodView.Of)], [period], [], null, StarRules.Describe(snapshot.Stars.Rule), [],
            PeriodView.Of(snapshot.Signals.Window), new ScorecardDataProblems(0, 0, 0, [], 0, 0, 0, 0, 0, 0, 0));
    }
}
