using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Mentorships;

/// <summary>A mentorship's frame: who, which program, stage and dates, and what the caller is to it.</summary>
/// <param name="MySide">"mentee" or "mentor" for the pair, null for the supervisor chain and the program's managers.</param>
/// <param name="Confidential">Whether the caller may enter the confidential space (the pair only).</param>
public sealed record MentorshipView(
    Guid Id, Guid? ProgramId, string? ProgramName, PersonRef Mentor, PersonRef Mentee, MentorshipStage Stage, DateOnly StartedOn, DateOnly? EndedOn,
    string? MySide, bool Confidential, int Version);

/// <summary>
/// One mentorship, for the people DESIGN.md lets see its goals and progress: the mentee, the mentor while it runs, the
/// mentee's supervisor chain and the program's managers. Everyone else — the former mentor too — gets 404.
/// </summary>
public sealed class GetMentorship(SalesMentorDb db, Access access)
{
    public async Task<Result<MentorshipView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || !await access.CanSeeMentorshipAsync(actor, m, ct)) return Error.NotFound("mentorship");
        var names = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var program = m.ProgramId is { } pid ? await db.Programs.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var pair = await access.LoadConfidentialAsync(actor, id, ct);
        var side = pair is null ? null : pair.Side == PairSide.Mentee ? "mentee" : "mentor";
        return new MentorshipView(m.Id, m.ProgramId, program, new PersonRef(m.MentorId, names[m.MentorId]), new PersonRef(m.MenteeId, names[m.MenteeId]),
            m.Stage, m.StartedOn, m.EndedOn, side, pair is not null, m.Version);
    }
}
