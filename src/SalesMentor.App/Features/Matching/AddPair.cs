using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Matching;

/// <summary>
/// A program manager pairs a mentee with a mentor by hand. The pair is locked (re-runs keep it). A pair that breaks
/// a rule — excluded, below the minimum score, an ineligible mentor — is refused with 409 and the warning, unless
/// confirmed; the warning then stays on the pair. A mentee who has a pair, or a full mentor, cannot take another.
/// </summary>
public sealed class AddPair(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid programId, AddPairRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await ManagedProgram.LoadAsync(access, actor, programId, tracking: true, ct, mustBeMatching: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var program = loaded.Value;
        var data = await MatchingData.LoadAsync(db, access, kpis, program, await today.TodayAsync(ct), ct);
        if (!data.MenteeIndex.TryGetValue(request.MenteeEnrollmentId, out var i) || data.Mentees[i].Withdrawn) return Error.Validation("match.mentee", "No such mentee in this program.");
        if (!data.MentorIndex.TryGetValue(request.MentorEnrollmentId, out var j) || data.Mentors[j].Withdrawn) return Error.Validation("match.mentor", "No such mentor in this program.");
        if (data.Pairs.Any(p => p.MenteeEnrollmentId == request.MenteeEnrollmentId)) return Error.Conflict("match.mentee_paired", "This mentee has a pair already; remove it first.");
        if (data.Pairs.Count(p => p.MentorEnrollmentId == request.MentorEnrollmentId) >= data.Mentors[j].Capacity) return Error.Conflict("match.mentor_full", "This mentor's seats are all taken.");
        var warnings = data.RuleWarnings(i, j);
        var warning = warnings.Count == 0 ? null : "This pair breaks a rule: " + string.Join("; ", warnings) + ".";
        if (warning is not null && !request.Confirm) return Error.Conflict("match.breaks_rule", warning + " Confirm to add it anyway.");

        var score = data.Model.ScoreOf(i, j);
        var mentee = data.Mentees[i];
        var mentor = data.Mentors[j];
        var pair = new MatchProposal
        {
            ProgramId = programId, MenteeEnrollmentId = mentee.Id, MentorEnrollmentId = mentor.Id, MenteeId = mentee.PersonId, MentorId = mentor.PersonId,
            Score = score.Score, ReasonsJson = BoardReader.Serialize(score), Locked = true, ByHand = true, Warning = warning,
            Status = ProposalStatus.Proposed, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MatchProposals.Add(pair);
        BoardReader.MarkEdited(program);
        audit.Record(actor, "match.add", "pair", pair.Id.ToString(), warning is null ? null : "breaks a rule");
        return await BoardPairs.SaveAndReadAsync(db, access, kpis, today, program, ct);
    }
}

/// <summary>
/// Swaps the mentors of two proposed pairs of the same program. The new pairs are locked; when one breaks a rule the
/// answer is 409 with the warning unless confirmed. Stale versions are refused (409).
/// </summary>
public sealed class SwapPairs(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid programId, SwapPairsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var managed = await ManagedProgram.LoadAsync(access, actor, programId, tracking: true, ct, mustBeMatching: true);
        if (!managed.IsSuccess) return managed.Error!;
        var first = await BoardPairs.LoadAsync(db, access, actor, request.First, request.FirstVersion, ct);
        if (!first.IsSuccess) return first.Error!;
        var second = await BoardPairs.LoadAsync(db, access, actor, request.Second, request.SecondVersion, ct);
        if (!second.IsSuccess) return second.Error!;
        var (a, program) = first.Value;
        var b = second.Value.Pair;
        if (a.ProgramId != programId || b.ProgramId != programId) return Error.NotFound("pair");
        if (a.Id == b.Id) return Error.Validation("match.swap", "Swap two different pairs.");
        if (a.MentorEnrollmentId == b.MentorEnrollmentId) return Error.Validation("match.swap", "Both pairs have the same mentor; there is nothing to swap.");

        var data = await MatchingData.LoadAsync(db, access, kpis, program, await today.TodayAsync(ct), ct);
        var (ai, aj) = (data.MenteeIndex[a.MenteeEnrollmentId], data.MentorIndex[a.MentorEnrollmentId]);
        var (bi, bj) = (data.MenteeIndex[b.MenteeEnrollmentId], data.MentorIndex[b.MentorEnrollmentId]);
        var warnings = data.RuleWarnings(ai, bj).Concat(data.RuleWarnings(bi, aj)).Distinct(StringComparer.Ordinal).ToList();
        var warning = warnings.Count == 0 ? null : "The swap breaks a rule: " + string.Join("; ", warnings) + ".";
        if (warning is not null && !request.Confirm) return Error.Conflict("match.breaks_rule", warning + " Confirm to swap anyway.");

        var now = clock.GetUtcNow().UtcDateTime;
        db.MatchProposals.RemoveRange(a, b);
        foreach (var (mentee, mentor, i, j) in new[] { (a, b, ai, bj), (b, a, bi, aj) })
        {
            var score = data.Model.ScoreOf(i, j);
            var pairWarnings = data.RuleWarnings(i, j);
            db.MatchProposals.Add(new MatchProposal
            {
                ProgramId = a.ProgramId, MenteeEnrollmentId = mentee.MenteeEnrollmentId, MenteeId = mentee.MenteeId,
                MentorEnrollmentId = mentor.MentorEnrollmentId, MentorId = mentor.MentorId, Score = score.Score, ReasonsJson = BoardReader.Serialize(score),
                Locked = true, ByHand = true, Warning = pairWarnings.Count == 0 ? null : "This pair breaks a rule: " + string.Join("; ", pairWarnings) + ".",
                Status = ProposalStatus.Proposed, CreatedAt = now,
            });
        }

        BoardReader.MarkEdited(program);
        audit.Record(actor, "match.swap", "pair", a.Id.ToString(), $"with={b.Id}");
        return await BoardPairs.SaveAndReadAsync(db, access, kpis, today, program, ct);
    }
}
