using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// The person (or a program manager) withdraws an enrollment: it leaves the pool, and its pairs still on the board
/// go. A pair already published or accepted must be declined first (409). A stale version is refused (409).
/// </summary>
public sealed class WithdrawEnrollment(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, KpiCache kpis)
{
    public async Task<Result<EnrollmentView>> HandleAsync(Actor actor, Guid id, int version, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return Error.NotFound("enrollment");
        var rights = await access.EnrollmentRightsAsync(actor, enrollment, ct);
        if (!Access.CanSeeProfile(rights)) return Error.NotFound("enrollment");
        if ((rights & (EnrollmentRights.Owner | EnrollmentRights.Manager)) == 0) return Error.Forbidden("enrollment.owner_only", "Only the person or the program's managers can withdraw an enrollment.");
        var pairs = await db.MatchProposals.Where(p => p.MenteeEnrollmentId == id || p.MentorEnrollmentId == id).ToListAsync(ct);
        if (pairs.Any(p => p.Status is ProposalStatus.Published or ProposalStatus.Accepted))
        {
            return Error.Conflict("enrollment.matched", "This enrollment has a published or accepted pair; decline it first.");
        }

        db.Entry(enrollment).Property(e => e.Version).OriginalValue = version;
        db.MatchProposals.RemoveRange(pairs.Where(p => p.Status == ProposalStatus.Proposed));
        enrollment.Withdrawn = true;
        enrollment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(enrollment).Property(e => e.Version).IsModified = true;
        audit.Record(actor, "enrollment.withdraw", "enrollment", id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("enrollment");
        }

        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == enrollment.ProgramId, ct);
        return await new EnrollmentReader(db, kpis).ReadAsync(enrollment, program, rights, ct);
    }
}
