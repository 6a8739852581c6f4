using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Matching;

/// <summary>Loads a program for work on its matching: 404 when hidden, 403 for someone who sees it but does not manage it.</summary>
internal static class ManagedProgram
{
    public static async Task<Result<MentorshipProgram>> LoadAsync(Access access, Actor actor, Guid id, bool tracking, CancellationToken ct, bool mustBeMatching = false)
    {
        var program = await access.LoadProgramAsync(actor, id, ct, tracking);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, id, ct)) return Error.Forbidden("program.managers_only", "Only an admin or the program's coordinators work on its matching.");
        if (mustBeMatching && program.Status is not (ProgramStatus.Matching or ProgramStatus.Active))
        {
            return Error.Conflict("match.not_matching", $"The program is {program.Status}; move it to Matching first.");
        }

        return program;
    }
}
