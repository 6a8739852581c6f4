using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Matching;

namespace SalesMentor.App.Features.Matching;

/// <summary>
/// Runs the solver on a program's pool around the pairs that stay (locked, published, accepted): the pairs still
/// proposed and unlocked are replaced by the solver's. The independent checker's verdict is kept with the run.
/// </summary>
public sealed class ProposeMatches(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid programId, RunMatchingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await ManagedProgram.LoadAsync(access, actor, programId, tracking: true, ct, mustBeMatching: true);
        if (!loaded.IsSuccess) return loaded.Error!;
        var program = loaded.Value;
        var mode = program.Mode;
        if (request.Mode is not null && !MatchModes.TryParse(request.Mode, out mode)) return Error.Validation("match.mode", "The mode is best, fair or stable.");

        var data = await MatchingData.LoadAsync(db, access, kpis, program, await today.TodayAsync(ct), ct);
        var result = SolveMatching.Solve(data.Model.Problem, mode);
        if (!result.HasMatching) return Error.Conflict("match.infeasible", result.Message);

        var now = clock.GetUtcNow().UtcDateTime;
        db.MatchProposals.RemoveRange(data.Pairs.Where(p => p.Status == ProposalStatus.Proposed && !p.Locked));
        var kept = data.Pairs.Where(MatchingData.IsFixed).Select(p => p.MenteeEnrollmentId).ToHashSet();
        var added = 0;
        foreach (var pair in result.Pairs())
        {
            var mentee = data.Mentees[pair.Mentee];
            if (kept.Contains(mentee.Id)) continue;
            var mentor = data.Mentors[pair.Mentor];
            var score = data.Model.ScoreOf(pair.Mentee, pair.Mentor);
            db.MatchProposals.Add(new MatchProposal
            {
                ProgramId = programId, MenteeEnrollmentId = mentee.Id, MentorEnrollmentId = mentor.Id, MenteeId = mentee.PersonId, MentorId = mentor.PersonId,
                Score = score.Score, ReasonsJson = BoardReader.Serialize(score), Status = ProposalStatus.Proposed, CreatedAt = now,
            });
            added++;
        }

        program.LastRunJson = BoardReader.Serialize(new MatchRunSummary(mode.ToString(), now, result.Message, result.Verdict.Verified, result.Verdict.Summary, EditedSince: false));
        program.UpdatedAt = now;
        audit.Record(actor, "match.run", "program", programId.ToString(), $"mode={mode} matched={result.Matched} proposed={added} verified={result.Verdict.Verified}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("matching board");
        }

        db.ChangeTracker.Clear();
        var fresh = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == programId, ct);
        return BoardReader.Read(await MatchingData.LoadAsync(db, access, kpis, fresh, await today.TodayAsync(ct), ct));
    }
}

/// <summary>The three modes solved side by side on the same pool and locks; nothing is saved.</summary>
public sealed class CompareMatchModes(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today)
{
    public async Task<Result<ModeComparison>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        var program = await ManagedProgram.LoadAsync(access, actor, programId, tracking: false, ct);
        if (!program.IsSuccess) return program.Error!;
        var data = await MatchingData.LoadAsync(db, access, kpis, program.Value, await today.TodayAsync(ct), ct);
        var pool = data.Mentees.Count(m => !m.Withdrawn);
        return new ModeComparison([.. Enum.GetValues<MatchMode>().Select(mode =>
        {
            var r = SolveMatching.Solve(data.Model.Problem, mode);
            return new ModeOutcome(mode.ToString(), r.Message, r.Matched, r.HasMatching ? pool - r.Matched : pool, r.TotalScore, r.WorstScore,
                r.Verdict.Verified, r.Verdict.Summary, r.Verdict.BlockingPairs);
        })]);
    }
}
