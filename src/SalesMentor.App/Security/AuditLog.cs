using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Security;

/// <summary>
/// Writes audit events into the caller's unit of work, so the event and the change it records
/// commit together. Never pass record content as <paramref name="detail"/>.
/// </summary>
public sealed class AuditLog(SalesMentorDb db, TimeProvider clock)
{
    public void Record(Actor actor, string action, string resourceType, string? resourceId, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorKind = actor.KindLabel,
            ActorPersonId = actor.PersonId,
            ActorName = actor.Name,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Detail = detail,
        });
    }
}
