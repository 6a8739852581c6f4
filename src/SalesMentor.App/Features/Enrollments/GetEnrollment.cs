using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// One enrollment, as the actor may see it: the person, the program's managers and the (future) partner see it;
/// everyone else gets 404. Mentor-only gaps, peer ratings and reflections are filtered by <see cref="Access"/>.
/// </summary>
public sealed class GetEnrollment(SalesMentorDb db, Access access, KpiCache kpis)
{
    public async Task<Result<EnrollmentView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return Error.NotFound("enrollment");
        var rights = await access.EnrollmentRightsAsync(actor, enrollment, ct);
        if (!Access.CanSeeProfile(rights)) return Error.NotFound("enrollment");
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == enrollment.ProgramId, ct);
        return await new EnrollmentReader(db, kpis).ReadAsync(enrollment, program, rights, ct);
    }
}

/// <summary>A program's roster of mentors and mentees, with each mentor's eligibility, for its managers.</summary>
public sealed class ListEnrollments(SalesMentorDb db, Access access, KpiCache kpis)
{
    public async Task<Result<IReadOnlyList<EnrollmentRow>>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        var program = await access.LoadProgramAsync(actor, programId, ct);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, programId, ct)) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators see its roster.");
        var rows = await db.Enrollments.AsNoTracking().Where(e => e.ProgramId == programId)
            .Join(db.People, e => e.PersonId, p => p.Id, (e, p) => new { Enrollment = e, p.Name, Team = p.Team == null ? null : p.Team.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Enrollment.Id).ToList();
        var peers = await db.AttributeRatings.Where(r => ids.Contains(r.EnrollmentId) && r.Relation == Domain.RaterRelation.Peer)
            .Select(r => new { r.EnrollmentId, r.RaterId }).Distinct().ToListAsync(ct);
        var supervised = await db.AttributeRatings.Where(r => ids.Contains(r.EnrollmentId) && r.Relation == Domain.RaterRelation.Supervisor)
            .Select(r => r.EnrollmentId).Distinct().ToListAsync(ct);
        var snapshot = await kpis.GetAsync(ct);
        return rows.OrderBy(r => r.Enrollment.Side).ThenBy(r => r.Name, StringComparer.CurrentCulture).Select(r => new EnrollmentRow(
            r.Enrollment.Id, new Programs.PersonRef(r.Enrollment.PersonId, r.Name), r.Enrollment.Side, r.Enrollment.Withdrawn, r.Enrollment.Capacity, r.Team,
            r.Enrollment.Side == Domain.EnrollmentSide.Mentor ? Eligibility.Of(program, r.Enrollment, Eligibility.VerdictOf(snapshot, r.Enrollment.PersonId), showOverrideReason: true) : null,
            peers.Count(p => p.EnrollmentId == r.Enrollment.Id), supervised.Contains(r.Enrollment.Id), r.Enrollment.Version)).ToList();
    }
}
