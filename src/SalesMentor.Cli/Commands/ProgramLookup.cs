using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.Cli.Commands;

/// <summary>Finds a program by its name (any case) among those the actor may see, for commands that take <c>--program NAME</c>.</summary>
internal static class ProgramLookup
{
    public static async Task<Result<Guid>> FindAsync(CliHost host, string name, CancellationToken ct)
    {
        var programs = await host.InScopeAsync(s => s.GetRequiredService<ListPrograms>().HandleAsync(host.Actor, ct));
        if (!programs.IsSuccess) return programs.Error!;
        var found = programs.Value.Where(x => string.Equals(x.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 1 ? (Result<Guid>)found[0].Id
            : Error.Validation("program.name", found.Count == 0 ? $"No program is called '{name}'." : $"{found.Count} programs are called '{name}'.");
    }
}
