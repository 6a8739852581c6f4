using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Matching;

/// <summary>
/// Publishes every proposed pair of a program: both people of each pair are told by mail (names and program only)
/// and asked to accept or decline.
/// </summary>
public sealed class PublishPairs(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, AuditLog audit, TimeProvider clock, ProgramMail mail)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        var loaded = await ManagedProgram.LoadAsync(access, actor, programId, tracking: true, ct, mustBeMatching: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var program = loaded.Value;
        var pairs = await db.MatchProposals.Where(p => p.ProgramId == programId && p.Status == ProposalStatus.Proposed).ToListAsync(ct);
        if (pairs.Count == 0) return Error.Validation("match.nothing_to_publish", "There are no proposed pairs to publish; run matching or add a pair first.");
        var ids = pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in pairs)
        {
            (pair.Status, pair.PublishedAt, pair.MenteeResponse, pair.MentorResponse) = (ProposalStatus.Published, now, ProposalResponse.Pending, ProposalResponse.Pending);
            var (mentee, mentor) = (people[pair.MenteeId], people[pair.MentorId]);
            if (mentee.Email is { Length: > 0 } menteeEmail) mail.ProposalPublished(menteeEmail, mentee.Name, mentor.Name, program.Name, asMentee: true);
            if (mentor.Email is { Length: > 0 } mentorEmail) mail.ProposalPublished(mentorEmail, mentor.Name, mentee.Name, program.Name, asMentee: false);
        }

        audit.Record(actor, "match.publish", "program", programId.ToString(), $"pairs={pairs.Count}");
        return await BoardPairs.SaveAndReadAsync(db, access, kpis, today, program, ct);
    }
}
