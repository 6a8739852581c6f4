using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Adoption;

/// <summary>
/// THE SEAM for behaviour signals measured from CRM data (<see cref="CrmSignal"/>). The computation of these signals
/// per person and period is being built elsewhere (the KPI issue); until an implementation is registered in the
/// service collection, the adoption timeline reports <c>SignalMeasured = false</c> and shows no value — it never
/// invents one. An implementation returns the mentee's value for each period between the two days (both inclusive),
/// oldest first.
/// </summary>
public interface IBehaviourSignalSource
{
    Task<IReadOnlyList<SignalPoint>> MeasureAsync(PersonId person, CrmSignal signal, DateOnly from, DateOnly to, CancellationToken ct);
}
