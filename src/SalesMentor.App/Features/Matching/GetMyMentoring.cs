using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Matching;

/// <summary>The actor's own mentoring: enrollments, published pairs to answer (no scores), mentorships, ratings asked of them.</summary>
public sealed class GetMyMentoring(SalesMentorDb db)
{
    public async Task<Result<MyMentoringView>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.PersonId is not { } me) return new MyMentoringView([], [], [], []);
        var programs = await db.Programs.AsNoTracking().Select(p => new { p.Id, p.Name, p.Status }).ToDictionaryAsync(p => p.Id, ct);
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PersonId == me).ToListAsync(ct);
        var pairs = await db.MatchProposals.AsNoTracking()
            .Where(p => (p.MenteeId == me || p.MentorId == me) && p.Status != ProposalStatus.Proposed).ToListAsync(ct);
        var mentorships = await db.Mentorships.AsNoTracking().Where(m => m.MenteeId == me || m.MentorId == me).ToListAsync(ct);
        var invitations = await db.RatingInvitations.AsNoTracking().Where(i => i.RaterId == me)
            .Join(db.Enrollments, i => i.EnrollmentId, e => e.Id, (i, e) => new { i.Id, e.PersonId, e.ProgramId, i.Relation, i.CompletedAt }).ToListAsync(ct);
        var ids = pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Concat(mentorships.SelectMany(m => new[] { m.MenteeId, m.MentorId }))
            .Concat(invitations.Select(i => i.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new MyMentoringView(
            [.. enrollments.Where(e => programs.ContainsKey(e.ProgramId)).OrderByDescending(e => e.CreatedAt)
                .Select(e => new MyEnrollmentView(e.Id, e.ProgramId, programs[e.ProgramId].Name, programs[e.ProgramId].Status, e.Side, e.Withdrawn))],
            [.. pairs.OrderByDescending(p => p.PublishedAt).Select(p => MyMentoringReader.View(p, programs[p.ProgramId].Name, p.MenteeId == me, people[p.MenteeId == me ? p.MentorId : p.MenteeId]))],
            [.. mentorships.OrderByDescending(m => m.StartedOn).Select(m =>
            {
                var asMentee = m.MenteeId == me;
                var other = people[asMentee ? m.MentorId : m.MenteeId];
                return new MyMentorshipView(m.Id, m.ProgramId, m.ProgramId is { } pid && programs.TryGetValue(pid, out var p) ? p.Name : null,
                    asMentee ? EnrollmentSide.Mentee : EnrollmentSide.Mentor, new PersonRef(other.Id, other.Name), m.Stage, m.StartedOn);
            })],
            [.. invitations.OrderBy(i => i.CompletedAt is not null).Select(i => new MyRatingView(i.Id, new PersonRef(i.PersonId, people[i.PersonId].Name),
                programs[i.ProgramId].Name, i.Relation, i.CompletedAt is not null))]);
    }
}

internal static class MyMentoringReader
{
    public static MyProposalView View(MatchProposal p, string programName, bool asMentee, Person other) => new(
        p.Id, p.ProgramId, programName, asMentee ? EnrollmentSide.Mentee : EnrollmentSide.Mentor, new PersonRef(other.Id, other.Name), p.Status,
        asMentee ? p.MenteeResponse : p.MentorResponse, asMentee ? p.MentorResponse : p.MenteeResponse, p.PublishedAt);
}
