using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Programs;

/// <summary>The programs the actor may see: every program past draft, and the drafts they manage; newest first.</summary>
public sealed class ListPrograms(SalesMentorDb db)
{
    public async Task<Result<IReadOnlyList<ProgramRow>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var me = actor.PersonId;
        var managed = me is { } id ? await db.ProgramCoordinators.Where(c => c.PersonId == id).Select(c => c.ProgramId).ToListAsync(ct) : [];
        var programs = await db.Programs.AsNoTracking()
            .Where(p => p.Status != ProgramStatus.Draft || actor.IsAdmin || managed.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Name, p.Status, p.StartsOn, p.EndsOn, p.CreatedAt,
                Mentors = db.Enrollments.Count(e => e.ProgramId == p.Id && !e.Withdrawn && e.Side == EnrollmentSide.Mentor),
                Mentees = db.Enrollments.Count(e => e.ProgramId == p.Id && !e.Withdrawn && e.Side == EnrollmentSide.Mentee),
            })
            .ToListAsync(ct);
        return programs.OrderByDescending(p => p.CreatedAt)
            .Select(p => new ProgramRow(p.Id, p.Name, p.Status, p.StartsOn, p.EndsOn, p.Mentors, p.Mentees, actor.IsAdmin || managed.Contains(p.Id)))
            .ToList();
    }
}

/// <summary>One program, for everyone signed in once it left draft; a draft only for its managers (404 for others).</summary>
public sealed class GetProgram(SalesMentorDb db, Access access)
{
    public async Task<Result<ProgramView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var program = await access.LoadProgramAsync(actor, id, ct);
        if (program is null) return Error.NotFound("program");
        return await ProgramViewReader.ReadAsync(db, access, actor, program, ct);
    }
}
