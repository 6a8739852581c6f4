using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.Matching;
using static SalesMentor.Cli.Commands.CsvImportOutput;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor import mentorships FILE [--program NAME] [--dry-run]</c>: mentorships an organization already runs
/// (CSV <c>mentor,mentee,start_date[,end_date]</c>), all or nothing. Exit 0 when imported (or, with --dry-run,
/// importable), 1 when the file is rejected (every problem printed with its line), 2 when the file or the program is
/// missing.
/// </summary>
internal static class MentorshipImportCommand
{
    public static Command Create()
    {
        var file = FileArgument("CSV with the columns mentor, mentee, start_date and optionally end_date (yyyy-MM-dd); people by email, external id or unique name.");
        var program = new Option<string?>("--program") { Description = "The program the mentorships belong to, by name. Without it (admins only) they belong to no program." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what importing it would do; write nothing." };
        var command = new Command("mentorships", "Import mentorships your organization already runs. Importing the same file again changes nothing.") { file, program, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var (info, exit) = Check(parse.GetValue(file), "salesmentor import mentorships FILE [--program NAME]");
            if (info is null) return exit;
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            Guid? programId = null;
            if (parse.GetValue(program) is { } name)
            {
                var found = await ProgramLookup.FindAsync(host, name, ct);
                if (!found.IsSuccess) return Usage(found.Error!.Message);
                programId = found.Value;
            }

            await using var stream = info.OpenRead();
            var result = await host.InScopeAsync(s => s.GetRequiredService<ImportMentorships>().HandleAsync(host.Actor, stream, programId, ct, parse.GetValue(dryRun)));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var outcome = result.Value;
            if (outcome.Problems.Count > 0) return Rejected(info.Name, [.. outcome.Problems.Select(p => (p.Line, (string?)null, p.Message))]);
            return outcome.DryRun
                ? Done($"Dry run: {outcome.Created:N0} mentorship(s) would be imported, {outcome.Unchanged:N0} are there already; nothing was written.")
                : Done($"Imported {outcome.Created:N0} mentorship(s); {outcome.Unchanged:N0} were there already.");
        });
        return command;
    }
}
