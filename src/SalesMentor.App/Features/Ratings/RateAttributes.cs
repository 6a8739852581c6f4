using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Security;
using SalesMentor.Core.Mentoring;

namespace SalesMentor.App.Features.Ratings;

/// <summary>The rating form of one invitation: only the invited rater sees it (404 for everyone else).</summary>
public sealed class GetRatingForm(SalesMentorDb db)
{
    public async Task<Result<RatingForm>> HandleAsync(Actor actor, Guid invitationId, CancellationToken ct)
    {
        var found = await RatingInvitations.LoadAsync(db, actor, invitationId, ct);
        if (found is null) return Error.NotFound("rating invitation");
        var (invitation, enrollment, subject, program) = found.Value;
        var mine = await db.AttributeRatings.AsNoTracking().Where(r => r.EnrollmentId == enrollment.Id && r.RaterId == invitation.RaterId && r.Relation == invitation.Relation).ToListAsync(ct);
        var mentor = enrollment.Side == EnrollmentSide.Mentor;
        return new RatingForm(
            invitation.Id, subject, program, invitation.Relation,
            [.. (mentor ? MentoringAttributes.Mentor : MentoringAttributes.Mentee).Select(a => new Choice(a.Key, a.Name, a.Question))],
            EnrollmentReader.Scores(mine, mentor), invitation.CompletedAt is not null);
    }
}

/// <summary>
/// The invited rater (a mentor's peer, or a mentee's supervisor) rates the enrolled person's attributes, 1–5 each;
/// rating again replaces their earlier scores. Peer ratings are stored with the rater (so nobody rates twice) but
/// shown to the mentor only as averages of at least three raters.
/// </summary>
public sealed class SubmitRating(SalesMentorDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<RatingForm>> HandleAsync(Actor actor, Guid invitationId, RatingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await RatingInvitations.LoadAsync(db, actor, invitationId, ct);
        if (found is null) return Error.NotFound("rating invitation");
        var (invitation, enrollment, subject, program) = found.Value;
        var mentor = enrollment.Side == EnrollmentSide.Mentor;
        var scores = request.Scores ?? [];
        if (scores.Count == 0) return Error.Validation("rating.empty", "Rate at least one attribute.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in scores)
        {
            if (MentoringAttributes.Find(mentor, s.Attribute) is null || !seen.Add(s.Attribute)) return Error.Validation("rating.attribute", "Rate each attribute of the form at most once.");
            if (s.Score is < MentoringAttributes.MinScore or > MentoringAttributes.MaxScore) return Error.Validation("rating.score", "A score is 1 to 5.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tracked = await db.RatingInvitations.SingleAsync(i => i.Id == invitationId, ct);
        db.AttributeRatings.RemoveRange(await db.AttributeRatings.Where(r => r.EnrollmentId == enrollment.Id && r.RaterId == invitation.RaterId && r.Relation == invitation.Relation).ToListAsync(ct));
        db.AttributeRatings.AddRange(scores.Select(s => new AttributeRating
        {
            EnrollmentId = enrollment.Id, SubjectId = enrollment.PersonId, Attribute = s.Attribute, Score = s.Score,
            RaterId = invitation.RaterId, Relation = invitation.Relation, RatedAt = now,
        }));
        tracked.CompletedAt = now;
        audit.Record(actor, "rating.submit", "enrollment", enrollment.Id.ToString(), $"relation={invitation.Relation} scores={scores.Count}");
        await db.SaveChangesAsync(ct);
        return new RatingForm(
            invitation.Id, subject, program, invitation.Relation,
            [.. (mentor ? MentoringAttributes.Mentor : MentoringAttributes.Mentee).Select(a => new Choice(a.Key, a.Name, a.Question))],
            EnrollmentReader.Scores(await db.AttributeRatings.AsNoTracking().Where(r => r.EnrollmentId == enrollment.Id && r.RaterId == invitation.RaterId && r.Relation == invitation.Relation).ToListAsync(ct), mentor),
            Completed: true);
    }
}

internal static class RatingInvitations
{
    /// <summary>The invitation with its enrollment, subject and program name, when the actor is its rater; else null.</summary>
    public static async Task<(RatingInvitation Invitation, Enrollment Enrollment, PersonRef Subject, string Program)?> LoadAsync(
        SalesMentorDb db, Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.PersonId is not { } me) return null;
        var invitation = await db.RatingInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.RaterId == me, ct);
        if (invitation is null) return null;
        var enrollment = await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == invitation.EnrollmentId, ct);
        var subject = await db.People.AsNoTracking().Where(p => p.Id == enrollment.PersonId).Select(p => new PersonRef(p.Id, p.Name)).SingleAsync(ct);
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == enrollment.ProgramId).Select(p => p.Name).SingleAsync(ct);
        return (invitation, enrollment, subject, program);
    }
}
