using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// A person enrolls in a program as a mentor or a mentee, or changes their enrollment (a stale version is refused
/// with 409), while the program is enrolling or matching. A mentee's first enrollment invites their supervisor, by
/// mail, to rate them.
/// </summary>
public sealed class SaveEnrollment(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, KpiCache kpis, ProgramMail mail)
{
    public async Task<Result<EnrollmentView>> HandleAsync(Actor actor, Guid programId, EnrollmentSide side, EnrollmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await access.LoadProgramAsync(actor, programId, ct);
        if (program is null) return Error.NotFound("program");
        if (actor.PersonId is not { } me) return Error.Validation("enrollment.person", "Only a person can enroll (on the command line, use --as).");
        if (!Enum.IsDefined(side)) return Error.Validation("enrollment.side", "The side is Mentor or Mentee.");
        if (program.Status is not (ProgramStatus.Enrolling or ProgramStatus.Matching)) return Error.Conflict("enrollment.closed", "This program is not taking enrollments now.");

        var snapshot = await kpis.GetAsync(ct);
        var index = snapshot.IndexOf(me);
        var input = await EnrollmentInput.ReadAsync(db, side, me, request, index < 0 ? [] : snapshot.Signals.ByPerson[index], ct);
        if (!input.IsSuccess) return input.Error!;
        var i = input.Value;

        var now = clock.GetUtcNow().UtcDateTime;
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.ProgramId == programId && e.PersonId == me && e.Side == side, ct);
        var isNew = enrollment is null;
        if (enrollment is null)
        {
            enrollment = new Enrollment { ProgramId = programId, PersonId = me, Side = side, CreatedAt = now };
            db.Enrollments.Add(enrollment);
        }
        else
        {
            db.Entry(enrollment).Property(e => e.Version).OriginalValue = request.Version;
            db.Entry(enrollment).Property(e => e.Version).IsModified = true;
            db.SkillRatings.RemoveRange(await db.SkillRatings.Where(r => r.EnrollmentId == enrollment.Id).ToListAsync(ct));
            db.AttributeRatings.RemoveRange(await db.AttributeRatings.Where(r => r.EnrollmentId == enrollment.Id && r.Relation == RaterRelation.Self).ToListAsync(ct));
        }

        enrollment.Withdrawn = false;
        (enrollment.Capacity, enrollment.Statement, enrollment.Availability, enrollment.TimeZone) = (i.Capacity, i.Statement, i.Availability, i.TimeZone);
        (enrollment.ValueIds, enrollment.Reflection, enrollment.Preferences, enrollment.Avoid) = (i.Values, i.Reflection, i.Preferences, i.Avoid);
        enrollment.UpdatedAt = now;
        db.SkillRatings.AddRange(i.Skills.Select(s => new SkillRating
        {
            EnrollmentId = enrollment.Id, PersonId = me, SkillKey = s.SkillKey, Kind = side == EnrollmentSide.Mentor ? SkillRatingKind.Strength : SkillRatingKind.Gap,
            Level = s.Level, Source = s.Source, Visibility = s.Visibility,
        }));
        db.AttributeRatings.AddRange(i.SelfRatings.Select(a => new AttributeRating
        {
            EnrollmentId = enrollment.Id, SubjectId = me, Attribute = a.Attribute, Score = a.Score, RaterId = me, Relation = RaterRelation.Self, RatedAt = now,
        }));
        if (isNew && side == EnrollmentSide.Mentee) await InviteSupervisorAsync(enrollment, program, now, ct);
        audit.Record(actor, isNew ? "enrollment.create" : "enrollment.update", "enrollment", enrollment.Id.ToString(), $"side={side} skills={i.Skills.Count}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("enrollment");
        }
        catch (DbUpdateException) when (isNew)
        {
            return Error.Conflict("enrollment.exists", "You enrolled on this side already (in another window?). Reload to see it.");
        }

        return await new EnrollmentReader(db, kpis).ReadAsync(enrollment, program, EnrollmentRights.Owner, ct);
    }

    private async Task InviteSupervisorAsync(Enrollment enrollment, MentorshipProgram program, DateTime now, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == enrollment.PersonId).Select(p => new { p.Name, p.ManagerId }).SingleAsync(ct);
        if (person.ManagerId is not { } managerId) return;
        var manager = await db.People.AsNoTracking().SingleAsync(p => p.Id == managerId, ct);
        var invitation = new RatingInvitation { EnrollmentId = enrollment.Id, RaterId = managerId, Relation = RaterRelation.Supervisor, CreatedAt = now };
        db.RatingInvitations.Add(invitation);
        if (manager.Email is { Length: > 0 } email) mail.RatingInvitation(email, manager.Name, person.Name, program.Name, supervisor: true, invitation.Id);
    }
}
