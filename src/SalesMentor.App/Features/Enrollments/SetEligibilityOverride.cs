using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// A program manager overrides the star rule for one mentor — eligible or not — with a written reason, which is
/// stored and audit-logged; null hands the decision back to the star rule. A stale version is refused (409).
/// </summary>
public sealed class SetEligibilityOverride(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, KpiCache kpis)
{
    public async Task<Result<EnrollmentView>> HandleAsync(Actor actor, Guid id, EligibilityRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return Error.NotFound("enrollment");
        var rights = await access.EnrollmentRightsAsync(actor, enrollment, ct);
        if (!Access.CanSeeProfile(rights)) return Error.NotFound("enrollment");
        if ((rights & EnrollmentRights.Manager) == 0) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators decide eligibility.");
        if (enrollment.Side != EnrollmentSide.Mentor) return Error.Validation("enrollment.not_mentor", "Only a mentor's eligibility can be overridden; every mentee is eligible.");
        var reason = TextRules.Read(request.Reason, "enrollment.override_reason", "a reason for the decision", TextRules.MaxText, required: request.Eligible is not null, multiline: true);
        if (!reason.IsSuccess) return reason.Error!;

        db.Entry(enrollment).Property(e => e.Version).OriginalValue = request.Version;
        enrollment.EligibilityOverride = request.Eligible;
        enrollment.OverrideReason = request.Eligible is null ? null : reason.Value;
        enrollment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(enrollment).Property(e => e.Version).IsModified = true;
        var decision = request.Eligible switch { true => "eligible", false => "not eligible", _ => "star rule" };
        audit.Record(actor, "enrollment.eligibility", "enrollment", id.ToString(),
            reason.Value is { } r ? $"{decision}: {(r.Length > 500 ? r[..500] + "…" : r)}" : decision);
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
