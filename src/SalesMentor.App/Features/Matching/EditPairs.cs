using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Matching;

/// <summary>Loading a proposed pair for an edit on the board: 404 unless the actor manages its program.</summary>
internal static class BoardPairs
{
    public static async Task<Result<(MatchProposal Pair, MentorshipProgram Program)>> LoadAsync(
        SalesMentorDb db, Access access, Actor actor, Guid id, int version, CancellationToken ct)
    {
        var pair = await db.MatchProposals.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (pair is null) return Error.NotFound("pair");
        if (!await access.IsProgramManagerAsync(actor, pair.ProgramId, ct))
        {
            // Its two people know the pair once it is published; to everyone else it is hidden.
            var party = pair.Status != ProposalStatus.Proposed && (actor.PersonId == pair.MenteeId || actor.PersonId == pair.MentorId);
            return party ? Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators work on its matching.") : Error.NotFound("pair");
        }

        var program = await ManagedProgram.LoadAsync(access, actor, pair.ProgramId, tracking: true, ct, mustBeMatching: true);
        if (!program.IsSuccess) return program.Error!;
        if (pair.Status != ProposalStatus.Proposed) return Error.Conflict("match.published", "This pair is published already; only its two people can answer it now.");
        db.Entry(pair).Property(p => p.Version).OriginalValue = version;
        return (pair, program.Value);
    }

    public static async Task<Result<BoardView>> SaveAndReadAsync(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, MentorshipProgram program, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("pair");
        }

        db.ChangeTracker.Clear();
        var fresh = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == program.Id, ct);
        return BoardReader.Read(await MatchingData.LoadAsync(db, access, kpis, fresh, await today.TodayAsync(ct), ct));
    }
}

/// <summary>Locks a proposed pair (re-runs keep it) or unlocks it; a stale version is refused (409).</summary>
public sealed class LockPair(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, AuditLog audit)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid id, LockPairRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await BoardPairs.LoadAsync(db, access, actor, id, request.Version, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (pair, program) = loaded.Value;
        pair.Locked = request.Locked;
        db.Entry(pair).Property(p => p.Version).IsModified = true;
        audit.Record(actor, request.Locked ? "match.lock" : "match.unlock", "pair", id.ToString());
        return await BoardPairs.SaveAndReadAsync(db, access, kpis, today, program, ct);
    }
}

/// <summary>Removes a proposed pair from the board; its mentee returns to the pool. A stale version is refused (409).</summary>
public sealed class RemovePair(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, AuditLog audit)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid id, int version, CancellationToken ct)
    {
        var loaded = await BoardPairs.LoadAsync(db, access, actor, id, version, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (pair, program) = loaded.Value;
        db.MatchProposals.Remove(pair);
        BoardReader.MarkEdited(program);
        audit.Record(actor, "match.remove", "pair", id.ToString());
        return await BoardPairs.SaveAndReadAsync(db, access, kpis, today, program, ct);
    }
}
