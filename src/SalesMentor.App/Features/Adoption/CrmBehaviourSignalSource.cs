using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Kpis;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Adoption;

/// <summary>
/// The behaviour signals of the adoption timeline, measured from the mentee's CRM data by <see cref="BehaviourSignalReader"/>
/// (the same numbers as on the scorecard): one point per calendar month from the month of <c>from</c> to the month of
/// <c>to</c>, labelled like the KPI months (e.g. "2026-03"), empty where the signal has no value that month.
/// </summary>
public sealed class CrmBehaviourSignalSource(BehaviourSignalReader reader) : IBehaviourSignalSource
{
    public async Task<IReadOnlyList<SignalPoint>> MeasureAsync(PersonId person, CrmSignal signal, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from) return [];
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        var series = await reader.ReadAsync(person, new DateOnly(from.Year, from.Month, 1), months, to, ct);
        return [.. series.Months.Select(m => new SignalPoint(m.Month.Label, CrmSignalValues.Of(signal, m) is { } v ? Math.Round(v, 4) : null))];
    }
}
