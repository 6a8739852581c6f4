using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Matching;

/// <summary>
/// One of the two people of a published pair accepts or declines it (with an optional reason for the program's
/// managers). A decline ends the pair — both return to the pool, and the pair is never proposed again — and tells the
/// other side by mail, without the reason. When both have accepted, the pair becomes a mentorship in stage agreeing.
/// The pair is hidden (404) from everyone but its two people; its managers get 403.
/// </summary>
public sealed class RespondToProposal(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, OrgClock today, ProgramMail mail)
{
    public async Task<Result<MyProposalView>> HandleAsync(Actor actor, Guid id, RespondRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = TextRules.Read(request.Reason, "proposal.reason", "the reason", TextRules.MaxText, multiline: true);
        if (!reason.IsSuccess) return reason.Error!;
        for (var attempt = 0; ; attempt++)
        {
            var pair = await db.MatchProposals.SingleOrDefaultAsync(p => p.Id == id, ct);
            var me = actor.PersonId;
            var party = pair is not null && (pair.MenteeId == me || pair.MentorId == me);
            if (pair is null || (party && pair.Status == ProposalStatus.Proposed)) return Error.NotFound("pair");
            if (!party) return await access.IsProgramManagerAsync(actor, pair.ProgramId, ct) ? Error.Forbidden("proposal.parties_only", "Only the mentor and the mentee answer a pair.") : Error.NotFound("pair");
            if (pair.Status != ProposalStatus.Published) return Error.Conflict("proposal.decided", $"This pair was {pair.Status.ToString().ToLowerInvariant()} already.");

            var asMentee = pair.MenteeId == me;
            var answer = request.Accept ? ProposalResponse.Accepted : ProposalResponse.Declined;
            if (asMentee) pair.MenteeResponse = answer;
            else pair.MentorResponse = answer;
            var now = clock.GetUtcNow().UtcDateTime;
            var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == pair.ProgramId, ct);
            var people = await db.People.AsNoTracking().Where(p => p.Id == pair.MenteeId || p.Id == pair.MentorId).ToDictionaryAsync(p => p.Id, ct);
            var (mentee, mentor) = (people[pair.MenteeId], people[pair.MentorId]);
            if (!request.Accept)
            {
                (pair.Status, pair.DeclineReason, pair.DecidedAt) = (ProposalStatus.Declined, reason.Value, now);
                var other = asMentee ? mentor : mentee;
                if (other.Email is { Length: > 0 } email) mail.ProposalDeclined(email, other.Name, program.Name);
            }
            else if (pair.MenteeResponse == ProposalResponse.Accepted && pair.MentorResponse == ProposalResponse.Accepted)
            {
                (pair.Status, pair.DecidedAt) = (ProposalStatus.Accepted, now);
                db.Mentorships.Add(new Mentorship
                {
                    ProgramId = pair.ProgramId, ProposalId = pair.Id, MenteeId = pair.MenteeId, MentorId = pair.MentorId, Stage = MentorshipStage.Agreeing,
                    StartedOn = await today.TodayAsync(ct), Source = "matched", CreatedAt = now,
                });
                if (mentee.Email is { Length: > 0 } a) mail.MentorshipStarted(a, mentee.Name, mentor.Name, program.Name);
                if (mentor.Email is { Length: > 0 } b) mail.MentorshipStarted(b, mentor.Name, mentee.Name, program.Name);
            }

            audit.Record(actor, request.Accept ? "proposal.accept" : "proposal.decline", "pair", id.ToString(), $"side={(asMentee ? "mentee" : "mentor")} status={pair.Status}");
            try
            {
                await db.SaveChangesAsync(ct);
                return MyMentoringReader.View(pair, program.Name, asMentee, asMentee ? mentor : mentee);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The other side answered at the same moment: read their answer and apply this one again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
