using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Closing;

/// <summary>What the caller is to a mentorship, for closing it.</summary>
internal enum ClosingRole { Pair, Manager, Chain }

/// <summary>A mentorship loaded for closing, with the caller's role and side.</summary>
internal sealed record ClosingAccess(Mentorship Mentorship, ClosingRole Role, PairSide? Side, bool IsManager);

/// <summary>Loading and the shared rules of the closing use cases.</summary>
internal static class ClosingSupport
{
    public const string ReflectionField = "reflection.text";

    /// <summary>
    /// The mentorship when the caller may see it (goals and progress: the pair while it runs — the mentee after it too —,
    /// the mentee's supervisor chain, the program's managers); null (404) for everyone else, the former mentor included.
    /// </summary>
    public static async Task<ClosingAccess?> LoadAsync(SalesMentorDb db, Access access, Actor actor, Guid mentorshipId, CancellationToken ct, bool tracking = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.Mentorships.Where(m => m.Id == mentorshipId);
        var m = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (m is null || !await access.CanSeeMentorshipAsync(actor, m, ct)) return null;
        var manager = m.ProgramId is { } program ? await access.IsProgramManagerAsync(actor, program, ct) : actor.IsAdmin;
        PairSide? side = actor.Kind == ActorKind.User && actor.PersonId is { } me
            ? me == m.MenteeId ? PairSide.Mentee : me == m.MentorId ? PairSide.Mentor : null
            : null;
        var role = side is not null ? ClosingRole.Pair : manager ? ClosingRole.Manager : ClosingRole.Chain;
        return new ClosingAccess(m, role, side, manager);
    }

    /// <summary>The rule shared by the pair's closing writes: the pair only (403 for the others who see it), while it runs.</summary>
    public static Error? PairWrites(ClosingAccess a, bool mustBeClosing)
    {
        if (a.Role != ClosingRole.Pair) return Error.Forbidden("closing.pair_only", "Only the mentor and the mentee hold their closing conversation.");
        if (a.Mentorship.Stage == MentorshipStage.Closed) return Error.Conflict("mentorship.ended", "This mentorship has ended.");
        if (mustBeClosing && a.Mentorship.Stage != MentorshipStage.Closing)
        {
            return Error.Conflict("closing.not_started", "Open the closing conversation first: set the planned end date.");
        }

        return null;
    }

    public static Result<string?> ReflectionText(string? text) =>
        TextRules.Read(text, "reflection.text", "the reflection", ClosingLimits.Reflection, required: true, multiline: true);

    /// <summary>What the pair still has to do before closing: both reflections and the outcome of every goal.</summary>
    public static async Task<List<string>> MissingAsync(SalesMentorDb db, Mentorship m, PairSide side, CancellationToken ct)
    {
        var authors = await db.Reflections.AsNoTracking().Where(r => r.MentorshipId == m.Id).Select(r => r.AuthorId).ToListAsync(ct);
        var (mine, other) = side == PairSide.Mentee ? (m.MenteeId, m.MentorId) : (m.MentorId, m.MenteeId);
        var missing = new List<string>();
        if (!authors.Contains(mine)) missing.Add("your reflection");
        if (!authors.Contains(other)) missing.Add(side == PairSide.Mentee ? "your mentor's reflection" : "your mentee's reflection");
        var goals = await GoalIdsAsync(db, m.Id, ct);
        if (!goals.SetEquals(m.Outcomes.Select(o => o.GoalId))) missing.Add("the outcome of each goal");
        return missing;
    }

    public static async Task<HashSet<Guid>> GoalIdsAsync(SalesMentorDb db, Guid mentorshipId, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(x => x.MentorshipId == mentorshipId, ct);
        return a is null ? [] : [.. a.KpiGoals.Select(g => g.Id), .. a.BehaviourGoals.Select(g => g.Id)];
    }

    /// <summary>A completion certificate exists for a mentorship closed after its closing conversation (or imported as ended), never for an early end.</summary>
    public static bool HasCertificate(Mentorship m) => m.Stage == MentorshipStage.Closed && m.EndKind != MentorshipEnd.EndedEarly;
}

/// <summary>Lengths of the closing texts, for the use cases and the forms.</summary>
public static class ClosingLimits
{
    public const int Reflection = 2000;
    public const int EarlyEndText = 1000;
}
