using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

internal static class ImportCommands
{
    private const int ErrorsShown = 20;

    public static Command Create() => new("import", "Bulk imports: the roster (people, teams, regions, managers).")
    {
        RosterCommand(),
    };

    /// <summary><c>salesmentor import roster FILE [--skip-bad-rows] [--dry-run]</c>: exit 0 imported, 1 rejected or failed, 2 no such file.</summary>
    private static Command RosterCommand()
    {
        // Optional to the parser so a missing FILE gets this command's own message and exit code 2.
        var file = new Argument<FileInfo?>("file") { Description = "The roster as a CSV file (see docs/import-roster.md for the columns).", Arity = ArgumentArity.ZeroOrOne };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Import the good rows and list the bad ones. Without it, one bad row means nothing is imported." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what importing it would do; write nothing." };
        var command = new Command("roster", "Import people, their teams, regions and managers from a CSV file. Importing the same file again changes nothing.")
        {
            file, skip, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file);
            if (info is null)
            {
                AnsiConsole.MarkupLine("[red]Say which file to import:[/] salesmentor import roster FILE [[--skip-bad-rows]] [[--dry-run]]");
                return 2;
            }

            if (!info.Exists)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]There is no file at {info.FullName}.[/]");
                return 2;
            }

            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var result = await RunAsync(host, info, parse.GetValue(skip), parse.GetValue(dryRun), ct);
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            Report(result.Value);
            return result.Value.Status == ImportStatus.Completed ? 0 : 1;
        });
        return command;
    }

    private static async Task<Result<ImportRunView>> RunAsync(CliHost host, FileInfo info, bool skipBadRows, bool dryRun, CancellationToken ct)
    {
        await using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Reading {Markup.Escape(info.Name)}", maxValue: Math.Max(1, info.Length));
                var progress = new BytesRead(task);
                var outcome = await host.InScopeAsync(s => s.GetRequiredService<ImportRoster>().HandleAsync(
                    host.Actor, new ImportRosterRequest(stream, info.Name, skipBadRows, dryRun), ct, progress));
                task.Value = task.MaxValue;
                task.StopTask();
                return outcome;
            });
    }

    private static void Report(ImportRunView run)
    {
        var table = new Table().AddColumns("", "rows");
        foreach (var (label, count) in new[] { ("added", run.Added), ("updated", run.Updated), ("unchanged", run.Unchanged), ("rejected", run.RejectedRows) })
        {
            table.AddRow(new Text(label), new Text(count.ToString("N0", CultureInfo.InvariantCulture)));
        }

        AnsiConsole.Write(table);
        if (run.Errors.Count > 0)
        {
            var errors = new Table().AddColumns("line", "column", "problem");
            foreach (var error in run.Errors.Take(ErrorsShown))
            {
                errors.AddRow(new Text(error.Line == 0 ? "file" : error.Line.ToString(CultureInfo.InvariantCulture)), new Text(error.Column ?? ""), new Text(error.Reason));
            }

            AnsiConsole.Write(errors);
            if (run.Errors.Count > ErrorsShown) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]… and {run.Errors.Count - ErrorsShown:N0} more.[/]");
        }

        if (run.Notice is { Length: > 0 } notice) AnsiConsole.WriteLine(notice);
        var verdict = (run.DryRun, run.Status) switch
        {
            (true, ImportStatus.Completed) => "[green]Dry run: the file can be imported; nothing was written.[/]",
            (true, _) => "[red]Dry run: the file would be rejected; nothing was written.[/]",
            (false, ImportStatus.Completed) => "[green]Imported.[/]",
            _ => "[red]Nothing was imported.[/]",
        };
        AnsiConsole.MarkupLine(verdict);
    }

    /// <summary>Moves the bar as the importer reads; called on the reading thread, which Spectre allows.</summary>
    private sealed class BytesRead(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = Math.Min(value, task.MaxValue);
    }
}
