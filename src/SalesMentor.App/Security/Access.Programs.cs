using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Security;

/// <summary>What an actor is to an enrollment; several may hold at once.</summary>
[Flags]
public enum EnrollmentRights
{
    None = 0,

    /// <summary>The enrolled person.</summary>
    Owner = 1,

    /// <summary>An admin, or a coordinator of the program.</summary>
    Manager = 2,

    /// <summary>The other side of a published or accepted proposal, or of a running mentorship, in this program: the (future) mentor or mentee.</summary>
    Partner = 4,

    /// <summary>The mentee's mentor in a mentorship that is not closed: sees the "mentor only" gaps.</summary>
    Mentor = 8,

    /// <summary>Invited to rate the person's attributes as their supervisor: sees their own rating.</summary>
    SupervisorRater = 16,
}

/// <summary>
/// Programs, enrollments and proposals: DESIGN.md's access table for skill gaps, the supervisor's ratings of a
/// mentee and peer ratings of a mentor, in one place. A draft program is hidden from everyone but its managers;
/// an enrollment is hidden from everyone without a right to it. Hidden records answer 404.
/// </summary>
public sealed partial class Access
{
    /// <summary>Peer ratings are shown to the mentor only as an aggregate of at least this many raters.</summary>
    public const int MinimumPeerRaters = 3;

    /// <summary>An admin, or one of the program's coordinators.</summary>
    public async Task<bool> IsProgramManagerAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsAdmin) return true;
        return actor.PersonId is { } me && await db.ProgramCoordinators.AnyAsync(c => c.ProgramId == programId && c.PersonId == me, ct);
    }

    /// <summary>The program when the actor may see it (everyone signed in, once it left draft; its managers always); else null.</summary>
    public async Task<MentorshipProgram?> LoadProgramAsync(Actor actor, Guid programId, CancellationToken ct, bool tracking = false)
    {
        var query = db.Programs.Include(p => p.Coordinators).Where(p => p.Id == programId);
        var program = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (program is null) return null;
        return await SeesProgramAsync(actor, program, ct) ? program : null;
    }

    /// <summary>Whether <paramref name="actor"/> sees <paramref name="program"/>: everyone once it is out of draft, its managers always.</summary>
    public async Task<bool> SeesProgramAsync(Actor actor, MentorshipProgram program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(program);
        return program.Status != ProgramStatus.Draft || await IsProgramManagerAsync(actor, program.Id, ct);
    }

    /// <summary>What <paramref name="actor"/> is to <paramref name="enrollment"/>.</summary>
    public async Task<EnrollmentRights> EnrollmentRightsAsync(Actor actor, Enrollment enrollment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(enrollment);
        var rights = EnrollmentRights.None;
        if (await IsProgramManagerAsync(actor, enrollment.ProgramId, ct)) rights |= EnrollmentRights.Manager;
        if (actor.PersonId is not { } me) return rights;
        if (enrollment.PersonId == me) return rights | EnrollmentRights.Owner;
        var mentee = enrollment.Side == EnrollmentSide.Mentee;
        // A pair whose mentorship has ended makes the former mentor a partner no more (DESIGN.md: "former mentor" sees none of it).
        var proposed = await db.MatchProposals.AnyAsync(p => p.ProgramId == enrollment.ProgramId
            && (p.Status == ProposalStatus.Published || p.Status == ProposalStatus.Accepted)
            && !db.Mentorships.Any(m => m.ProposalId == p.Id && m.Stage == MentorshipStage.Closed)
            && (mentee ? p.MenteeEnrollmentId == enrollment.Id && p.MentorId == me : p.MentorEnrollmentId == enrollment.Id && p.MenteeId == me), ct);
        var mentoring = await db.Mentorships.AnyAsync(m => m.ProgramId == enrollment.ProgramId && m.Stage != MentorshipStage.Closed
            && (mentee ? m.MenteeId == enrollment.PersonId && m.MentorId == me : m.MentorId == enrollment.PersonId && m.MenteeId == me), ct);
        if (proposed || mentoring) rights |= EnrollmentRights.Partner;
        if (mentee && mentoring) rights |= EnrollmentRights.Mentor;
        if (await db.RatingInvitations.AnyAsync(i => i.EnrollmentId == enrollment.Id && i.RaterId == me && i.Relation == RaterRelation.Supervisor, ct))
        {
            rights |= EnrollmentRights.SupervisorRater;
        }

        return rights;
    }

    /// <summary>Skill gaps marked "share for matching": the person, their (future) mentor, the program's managers.</summary>
    public static bool CanSeeSharedGaps(EnrollmentRights r) => (r & (EnrollmentRights.Owner | EnrollmentRights.Manager | EnrollmentRights.Partner)) != 0;

    /// <summary>Skill gaps marked "mentor only": the person and their mentor once matched — never the admin.</summary>
    public static bool CanSeeMentorOnlyGaps(EnrollmentRights r) => (r & (EnrollmentRights.Owner | EnrollmentRights.Mentor)) != 0;

    /// <summary>The supervisor's ratings of a mentee: the mentee, the (future) mentor, the managers, and the rater (their own).</summary>
    public static bool CanSeeSupervisorRatings(EnrollmentRights r) => CanSeeSharedGaps(r);

    /// <summary>The enrollment's own answers (statement, values, self-ratings, availability): the person, the partner, the managers.</summary>
    public static bool CanSeeProfile(EnrollmentRights r) => CanSeeSharedGaps(r);

    /// <summary>The mentor's reflection answers and eligibility: the person and the managers.</summary>
    public static bool CanSeeReflection(EnrollmentRights r) => (r & (EnrollmentRights.Owner | EnrollmentRights.Manager)) != 0;
}
