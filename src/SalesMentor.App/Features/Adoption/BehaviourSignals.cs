using SalesMentor.App.Domain;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Adoption;

/// <summary>
/// Behaviour signals measured from CRM data (<see cref="CrmSignal"/>) for the adoption timeline; the registered
/// implementation is <see cref="CrmBehaviourSignalSource"/>. Without one the timeline reports <c>SignalMeasured = false</c>
/// and shows no value — it never invents one. An implementation returns the mentee's value for each period between the
/// two days (both inclusive), oldest first.
/// </summary>
public interface IBehaviourSignalSource
{
    Task<IReadOnlyList<SignalPoint>> MeasureAsync(PersonId person, CrmSignal signal, DateOnly from, DateOnly to, CancellationToken ct);
}
