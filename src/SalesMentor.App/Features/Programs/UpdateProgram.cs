using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Programs;

/// <summary>The program's managers change its settings; only an admin changes its coordinators; a stale edit is refused (409).</summary>
public sealed class UpdateProgram(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ProgramView>> HandleAsync(Actor actor, Guid id, ProgramRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await access.LoadProgramAsync(actor, id, ct, tracking: true);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, id, ct)) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators can change it.");
        db.Entry(program).Property(p => p.Version).OriginalValue = request.Version;
        var problem = await ProgramRules.ApplyAsync(db, program, request, Access.CanAdminister(actor), ct);
        if (problem is not null) return problem;
        program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(program).Property(p => p.Version).IsModified = true;
        audit.Record(actor, "program.update", "program", id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("program");
        }

        return await ProgramViewReader.ReadAsync(db, access, actor, program, ct);
    }
}

/// <summary>The program's managers move it along: draft → enrolling → matching → active → closed (or one step back).</summary>
public sealed class SetProgramStatus(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ProgramView>> HandleAsync(Actor actor, Guid id, ProgramStatusRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await access.LoadProgramAsync(actor, id, ct, tracking: true);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, id, ct)) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators can change it.");
        if (!Enum.IsDefined(request.Status)) return Error.Validation("program.status", "The status is Draft, Enrolling, Matching, Active or Closed.");
        db.Entry(program).Property(p => p.Version).OriginalValue = request.Version;
        if (program.Status != request.Status)
        {
            if (!ProgramRules.CanMove(program.Status, request.Status))
            {
                return Error.Validation("program.status_move", $"A program in {program.Status} cannot move to {request.Status}; it moves one step at a time, and closed is final.");
            }

            audit.Record(actor, "program.status", "program", id.ToString(), $"{program.Status}->{request.Status}");
            program.Status = request.Status;
            program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("program");
        }

        return await ProgramViewReader.ReadAsync(db, access, actor, program, ct);
    }
}
