using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Programs;

/// <summary>An admin creates a program, in draft, and may name its coordinators.</summary>
public sealed class CreateProgram(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ProgramView>> HandleAsync(Actor actor, ProgramRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("program.admin_only", "Only an admin can create a program.");
        var now = clock.GetUtcNow().UtcDateTime;
        var program = new MentorshipProgram { Name = "", Status = ProgramStatus.Draft, CreatedAt = now, UpdatedAt = now };
        var problem = await ProgramRules.ApplyAsync(db, program, request, mayChangeCoordinators: true, ct);
        if (problem is not null) return problem;
        db.Programs.Add(program);
        audit.Record(actor, "program.create", "program", program.Id.ToString(), $"coordinators={program.Coordinators.Count}");
        await db.SaveChangesAsync(ct);
        return await ProgramViewReader.ReadAsync(db, access, actor, program, ct);
    }
}
