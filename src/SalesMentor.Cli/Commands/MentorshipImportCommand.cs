using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Features.Programs;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor import mentorships FILE [--program NAME] [--dry-run]</c>: mentorships an organization already runs
/// (CSV <c>mentor,mentee,start_date[,end_date]</c>), all or nothing. Exit 0 when imported (or, with --dry-run,
/// importable), 1 when the file is rejected (every problem printed with its line), 2 when the file or the program is
/// missing.
/// </summary>
internal static class MentorshipImportCommand
{
    private const int ProblemsShown = 50;
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "CSV with the columns mentor, mentee, start_date and optionally end_date (yyyy-MM-dd); people by email, external id or unique name.", Arity = ArgumentArity.ZeroOrOne };
        var program = new Option<string?>("--program") { Description = "The program the mentorships belong to, by name. Without it (admins only) they belong to no program." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what importing it would do; write nothing." };
        var command = new Command("mentorships", "Import mentorships your organization already runs. Importing the same file again changes nothing.") { file, program, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(file) is not { } info) return Usage("Say which file to import: salesmentor import mentorships FILE [--program NAME]");
            if (!info.Exists) return Usage($"There is no file at {info.FullName}.");
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            Guid? programId = null;
            if (parse.GetValue(program) is { } name)
            {
                var programs = await host.InScopeAsync(s => s.GetRequiredService<ListPrograms>().HandleAsync(host.Actor, ct));
                if (!programs.IsSuccess) return CliHost.Fail(programs.Error!);
                var found = programs.Value.Where(x => string.Equals(x.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                if (found.Count != 1) return Usage(found.Count == 0 ? $"No program is called '{name}'." : $"{found.Count} programs are called '{name}'.");
                programId = found[0].Id;
            }

            var dry = parse.GetValue(dryRun);
            await using var stream = info.OpenRead();
            var result = await host.InScopeAsync(s => s.GetRequiredService<ImportMentorships>().HandleAsync(host.Actor, stream, programId, ct, dry));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            return Report(result.Value, info.Name);
        });
        return command;
    }

    private static int Report(MentorshipImportOutcome outcome, string fileName)
    {
        if (outcome.Problems.Count > 0)
        {
            foreach (var p in outcome.Problems.Take(ProblemsShown))
            {
                AnsiConsole.MarkupLineInterpolated(Text, $"[red]{fileName}{(p.Line == 0 ? "" : $", line {p.Line}")}: {p.Message}[/]");
            }

            if (outcome.Problems.Count > ProblemsShown) AnsiConsole.MarkupLineInterpolated(Text, $"[grey]… and {outcome.Problems.Count - ProblemsShown:N0} more.[/]");
            AnsiConsole.MarkupLine("[red]Nothing was imported.[/]");
            return 1;
        }

        if (outcome.DryRun)
        {
            AnsiConsole.MarkupLineInterpolated(Text, $"[green]Dry run: {outcome.Created:N0} mentorship(s) would be imported, {outcome.Unchanged:N0} are there already; nothing was written.[/]");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated(Text, $"[green]Imported {outcome.Created:N0} mentorship(s); {outcome.Unchanged:N0} were there already.[/]");
        return 0;
    }

    private static int Usage(string message)
    {
        AnsiConsole.MarkupLineInterpolated(Text, $"[red]{message}[/]");
        return 2;
    }
}
