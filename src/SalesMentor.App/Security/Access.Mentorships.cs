using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Security;

/// <summary>Which side of a mentorship the actor is on, in the confidential space.</summary>
public enum PairSide { Mentee, Mentor }

/// <summary>A mentorship as one of its two people sees it.</summary>
/// <param name="ReadOnly">The mentorship has ended: the mentee still reads, nobody writes.</param>
public sealed record PairAccess(Mentorship Mentorship, PairSide Side, bool ReadOnly);

/// <summary>
/// Mentorships: DESIGN.md's rows for concerns and self-assessed shortcomings (the mentee and their mentor only) and
/// for mentorship goals and progress (also the mentee's supervisor chain and the program's admins).
/// </summary>
public sealed partial class Access
{
    /// <summary>
    /// The mentorship's confidential space, when the actor may enter it: its mentee (always — it is their own), or its
    /// mentor while the mentorship has not ended. Never the supervisor chain, an admin, the command line, a later
    /// mentor of the same mentee, or the former mentor once it ended: for them this is null, and the caller answers 404.
    /// Being an admin adds nothing here.
    /// </summary>
    public async Task<PairAccess?> LoadConfidentialAsync(Actor actor, Guid mentorshipId, CancellationToken ct, bool tracking = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User || actor.PersonId is not { } me) return null;
        var query = db.Mentorships.Where(m => m.Id == mentorshipId && (m.MenteeId == me || m.MentorId == me));
        var mentorship = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (mentorship is null) return null;
        var ended = mentorship.Stage == MentorshipStage.Closed;
        if (mentorship.MenteeId == me) return new PairAccess(mentorship, PairSide.Mentee, ended);
        return ended ? null : new PairAccess(mentorship, PairSide.Mentor, ReadOnly: false);
    }

    /// <summary>
    /// Mentorship goals and progress: the mentee and the mentor (while it runs), the mentee's supervisor chain, and the
    /// program's managers (admins, coordinators). Not the former mentor.
    /// </summary>
    public async Task<bool> CanSeeMentorshipAsync(Actor actor, Mentorship mentorship, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(mentorship);
        if (actor.PersonId is { } me)
        {
            if (mentorship.MenteeId == me) return true;
            if (mentorship.MentorId == me) return mentorship.Stage != MentorshipStage.Closed;
            if ((await HierarchyAsync(ct)).IsAbove(me, mentorship.MenteeId)) return true;
        }

        return mentorship.ProgramId is { } program ? await IsProgramManagerAsync(actor, program, ct) : actor.IsAdmin;
    }

    /// <summary>
    /// The mentorship when the actor is its mentee or its mentor, in any stage — for what is the actor's own (their
    /// private notes, which a former mentor keeps). Null for everyone else (404).
    /// </summary>
    public async Task<PairAccess?> LoadAsPartyAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User || actor.PersonId is not { } me) return null;
        var mentorship = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mentorshipId && (m.MenteeId == me || m.MentorId == me), ct);
        return mentorship is null ? null
            : new PairAccess(mentorship, mentorship.MenteeId == me ? PairSide.Mentee : PairSide.Mentor, mentorship.Stage == MentorshipStage.Closed);
    }
}
