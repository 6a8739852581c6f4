using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Confidential;

/// <summary>
/// Who read the concerns of a mentorship, and when — from the audit log, never with content. For the mentee (whose
/// concerns they are) and the mentor; 404 for everyone else.
/// </summary>
public sealed class ListConcernReads(SalesMentorDb db, Access access)
{
    public const int Limit = 500;

    public async Task<Result<IReadOnlyList<ConcernReadView>>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        if (await access.LoadConfidentialAsync(actor, mentorshipId, ct) is null) return Error.NotFound("mentorship");
        var ids = (await db.Concerns.AsNoTracking().Where(c => c.MentorshipId == mentorshipId).Select(c => c.Id).ToListAsync(ct))
            .Select(id => id.ToString()).ToList();
        var reads = await db.AuditEvents.AsNoTracking()
            .Where(e => e.ResourceType == ConcernReader.ResourceType && e.Action == ConcernReader.ReadAction && ids.Contains(e.ResourceId!))
            .OrderByDescending(e => e.Id).Take(Limit)
            .Select(e => new { e.ResourceId, e.ActorName, e.ActorPersonId, e.At }).ToListAsync(ct);
        return reads.Select(r => new ConcernReadView(Guid.Parse(r.ResourceId!), r.ActorName, r.ActorPersonId == actor.PersonId, r.At)).ToList();
    }
}
