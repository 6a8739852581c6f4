using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// The mentor (or a program manager) invites peers, by email, to rate the mentor's attributes. Each gets a mail
/// through the outbox; their ratings stay anonymous to the mentor, who sees averages once at least three rated.
/// Someone invited before is not invited twice.
/// </summary>
public sealed class InviteRaters(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, KpiCache kpis, ProgramMail mail)
{
    public const int MaxPerCall = 20;

    public async Task<Result<EnrollmentView>> HandleAsync(Actor actor, Guid id, InviteRatersRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var enrollment = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null) return Error.NotFound("enrollment");
        var rights = await access.EnrollmentRightsAsync(actor, enrollment, ct);
        if (!Access.CanSeeProfile(rights)) return Error.NotFound("enrollment");
        if ((rights & (EnrollmentRights.Owner | EnrollmentRights.Manager)) == 0) return Error.Forbidden("enrollment.owner_only", "Only the mentor or the program's managers invite raters.");
        if (enrollment.Side != EnrollmentSide.Mentor) return Error.Validation("enrollment.not_mentor", "Peers rate mentors; a mentee's supervisor is invited when the mentee enrolls.");
        var emails = (request.Emails ?? []).Select(e => e?.Trim().ToLowerInvariant() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (emails.Count is 0 or > MaxPerCall) return Error.Validation("ratings.emails", $"Give 1 to {MaxPerCall} email addresses.");
        var people = await db.People.AsNoTracking().Where(p => p.Email != null && emails.Contains(p.Email)).ToListAsync(ct);
        var unknown = emails.Where(e => people.All(p => p.Email != e)).ToList();
        if (unknown.Count > 0) return Error.Validation("ratings.unknown_email", $"Nobody in the directory has the email {string.Join(", ", unknown.Take(3).Select(People.PersonRules.Shorten))}.");
        if (people.Any(p => p.Id == enrollment.PersonId)) return Error.Validation("ratings.self", "A mentor does not rate themself as a peer; the self-assessment is part of the enrollment.");

        var invited = await db.RatingInvitations.Where(i => i.EnrollmentId == id).Select(i => i.RaterId).ToListAsync(ct);
        var subject = await db.People.AsNoTracking().Where(p => p.Id == enrollment.PersonId).Select(p => p.Name).SingleAsync(ct);
        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == enrollment.ProgramId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var person in people.Where(p => !invited.Contains(p.Id)))
        {
            var invitation = new RatingInvitation { EnrollmentId = id, RaterId = person.Id, Relation = RaterRelation.Peer, CreatedAt = now };
            db.RatingInvitations.Add(invitation);
            mail.RatingInvitation(person.Email!, person.Name, subject, program.Name, supervisor: false, invitation.Id);
            added++;
        }

        audit.Record(actor, "ratings.invite", "enrollment", id.ToString(), $"invited={added}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("ratings.already_invited", "Someone on the list was invited at the same moment; reload and try again.");
        }

        return await new EnrollmentReader(db, kpis).ReadAsync(enrollment, program, rights, ct);
    }
}
