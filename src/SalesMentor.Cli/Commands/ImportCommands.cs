using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Import.Crm;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor import roster|opportunities|activities|quotas|users|exchange-rates FILE …</c> (and
/// <c>import mentorships</c>, <see cref="MentorshipImportCommand"/>): exit 0 when
/// imported (or, with --dry-run, importable), 1 when rejected or unreadable, 2 when the file or an
/// option file is missing or wrong, or HubSpot stages need confirming (--stages).
/// </summary>
internal static class ImportCommands
{
    private const int ErrorsShown = 20;
    private const int ListShown = 10;

    public static Command Create() => new("import", "Bulk imports: the roster, and sales data from Salesforce, HubSpot or any CRM's CSV.")
    {
        RosterCommand(),
        SalesCommand(ImportKinds.Opportunities, "Import deals: a Salesforce export (API names or a report), a HubSpot export, or any CSV with --map."),
        SalesCommand(ImportKinds.Activities, "Import calls, emails, tasks and meetings from Salesforce Task and Event exports."),
        SalesCommand(ImportKinds.Quotas, "Import quotas: person, period (or period_start and period_end), amount, currency."),
        SalesCommand(ImportKinds.Users, "Import Salesforce users: link their ids to people and add the people who are missing."),
        SalesCommand(ImportKinds.ExchangeRates, "Import exchange rates: currency, valid_from, rate."),
        MentorshipImportCommand.Create(),
        InteractionImportCommand.Create(),
    };

    /// <summary><c>salesmentor import roster FILE [--skip-bad-rows] [--dry-run]</c>.</summary>
    private static Command RosterCommand()
    {
        // Optional to the parser so a missing FILE gets this command's own message and exit code 2.
        var file = new Argument<FileInfo?>("file") { Description = "The roster as a CSV file (see docs/import-roster.md for the columns).", Arity = ArgumentArity.ZeroOrOne };
        var (skip, dryRun) = (SkipOption(), DryRunOption());
        var command = new Command("roster", "Import people, their teams, regions and managers from a CSV file. Importing the same file again changes nothing.") { file, skip, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            if (CheckFile(parse.GetValue(file), "roster") is not { } info) return 2;
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var result = await WithProgressAsync(info, (stream, progress) => host.InScopeAsync(s => s.GetRequiredService<ImportRoster>().HandleAsync(
                host.Actor, new ImportRosterRequest(stream, info.Name, parse.GetValue(skip), parse.GetValue(dryRun)), ct, progress)));
            return Finish(result);
        });
        return command;
    }

    /// <summary><c>salesmentor import KIND FILE [--source …] [--map FILE] [--stages FILE] [--skip-bad-rows] [--dry-run]</c>.</summary>
    private static Command SalesCommand(string kind, string description)
    {
        var file = new Argument<FileInfo?>("file") { Description = "The CSV file (see docs/import-crm.md).", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string?>("--source") { Description = "Where the file comes from: salesforce, salesforce-report, hubspot or csv (with --map). Recognised from the header when left out." };
        source.AcceptOnlyFromAmong(ImportFormats.ForOpportunities.ToArray());
        var map = new Option<FileInfo?>("--map") { Description = "A column mapping as JSON, for deals from any CRM (the format is in docs/import-crm.md)." };
        var stages = new Option<FileInfo?>("--stages") { Description = "What HubSpot deal stages mean: JSON or CSV of stage,outcome (won, lost or open). Saved for next time." };
        var (skip, dryRun) = (SkipOption(), DryRunOption());
        var command = new Command(kind, description) { file, source, map, stages, skip, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            if (CheckFile(parse.GetValue(file), kind) is not { } info) return 2;
            if (!ReadOptions(kind, parse.GetValue(source), parse.GetValue(map), parse.GetValue(stages), out var mapping, out var decisions)) return 2;
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var result = await WithProgressAsync(info, (stream, progress) => host.InScopeAsync(s =>
            {
                var request = new ImportSalesDataRequest(stream, info.Name, parse.GetValue(source), null, mapping, decisions, parse.GetValue(skip), parse.GetValue(dryRun));
                return kind switch
                {
                    ImportKinds.Opportunities => s.GetRequiredService<ImportOpportunities>().HandleAsync(host.Actor, request, ct, progress),
                    ImportKinds.Activities => s.GetRequiredService<ImportActivities>().HandleAsync(host.Actor, request, ct, progress),
                    ImportKinds.Quotas => s.GetRequiredService<ImportQuotas>().HandleAsync(host.Actor, request, ct, progress),
                    ImportKinds.Users => s.GetRequiredService<ImportUsers>().HandleAsync(host.Actor, request, ct, progress),
                    _ => s.GetRequiredService<ImportExchangeRates>().HandleAsync(host.Actor, request, ct, progress),
                };
            }));
            return Finish(result);
        });
        return command;
    }

    private static Option<bool> SkipOption() => new("--skip-bad-rows") { Description = "Import the good rows and list the bad ones. Without it, one bad row means nothing is imported." };

    private static Option<bool> DryRunOption() => new("--dry-run") { Description = "Check the file and show what importing it would do; write nothing." };

    private static FileInfo? CheckFile(FileInfo? info, string kind)
    {
        if (info is null)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Say which file to import:[/] salesmentor import {kind} FILE");
            return null;
        }

        if (info.Exists) return info;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]There is no file at {info.FullName}.[/]");
        return null;
    }

    // --map and --stages are files; --source csv needs a mapping. Prints what is wrong and returns false.
    private static bool ReadOptions(string kind, string? source, FileInfo? map, FileInfo? stages, out ImportMapping? mapping, out IReadOnlyList<StageDecision>? decisions)
    {
        (mapping, decisions) = (null, null);
        if ((map is not null || stages is not null) && kind != ImportKinds.Opportunities) return Refuse("--map and --stages are for opportunities only.");
        if (source is not (null or ImportFormats.Salesforce) && kind != ImportKinds.Opportunities) return Refuse($"Only opportunities come from {source}; {kind} are read from Salesforce or their own CSV layout.");
        if (source == ImportFormats.Csv && map is null) return Refuse("--source csv needs --map FILE: the column mapping (see docs/import-crm.md).");
        if (map is not null)
        {
            if (!map.Exists) return Refuse($"There is no mapping file at {map.FullName}.");
            try
            {
                mapping = JsonSerializer.Deserialize<ImportMapping>(File.ReadAllText(map.FullName), ImportMapping.Json);
            }
            catch (JsonException e)
            {
                return Refuse($"The mapping file is not a column mapping: {e.Message}");
            }

            if (mapping is null) return Refuse("The mapping file is empty.");
            if (mapping.Check() is { Count: > 0 } problems) return Refuse("The mapping cannot be used: " + string.Join(" ", problems));
        }

        if (stages is not null)
        {
            if (!stages.Exists) return Refuse($"There is no stages file at {stages.FullName}.");
            decisions = StageFile.Read(File.ReadAllText(stages.FullName), out var problem);
            if (decisions is null) return Refuse(problem!);
        }

        return true;
    }

    private static bool Refuse(string message)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        return false;
    }

    private static async Task<Result<ImportRunView>> WithProgressAsync(FileInfo info, Func<Stream, IProgress<long>, Task<Result<ImportRunView>>> import)
    {
        await using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Reading {Markup.Escape(info.Name)}", maxValue: Math.Max(1, info.Length));
                var outcome = await import(stream, new BytesRead(task));
                task.Value = task.MaxValue;
                task.StopTask();
                return outcome;
            });
    }

    private static int Finish(Result<ImportRunView> result)
    {
        if (!result.IsSuccess) return CliHost.Fail(result.Error!);
        Report(result.Value);
        return result.Value.Status == ImportStatus.Completed ? 0 : 1;
    }

    private static void Report(ImportRunView run)
    {
        var table = new Table().AddColumns("", "rows");
        foreach (var (label, count) in new[] { ("added", run.Added), ("updated", run.Updated), ("unchanged", run.Unchanged), ("rejected", run.RejectedRows) })
        {
            table.AddRow(new Text(label), new Text(count.ToString("N0", CultureInfo.InvariantCulture)));
        }

        AnsiConsole.Write(table);
        Rows("line", "column", "problem", run.Errors.Select(e => (e.Line == 0 ? "file" : e.Line.ToString(CultureInfo.InvariantCulture), e.Column ?? "", e.Reason)), run.Errors.Count, ErrorsShown);
        if (run.Report is { } report)
        {
            Rows("owner that matches no person", "rows", "why", report.UnknownOwners.Select(o => (o.Owner, o.Rows.ToString("N0", CultureInfo.InvariantCulture), o.Why)),
                report.UnknownOwners.Count + report.MoreUnknownOwners, ListShown);
            Rows("stage", "pipeline", "means", report.Stages.Select(s => (s.Stage, s.Pipeline, s.Outcome.ToString().ToLowerInvariant() + (s.Known ? "" : " (a guess)"))),
                report.Stages.Count, ListShown * 5);
            Rows("person", "manager in the file", "manager in the roster (kept)", report.ManagerDifferences.Select(d => (d.Person, d.ManagerInFile ?? "none", d.ManagerInRoster ?? "none")),
                report.ManagerDifferences.Count + report.MoreManagerDifferences, ListShown);
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

    private static void Rows(string a, string b, string c, IEnumerable<(string, string, string)> rows, int total, int shown)
    {
        var list = rows.Take(shown).ToList();
        if (list.Count == 0) return;
        var table = new Table().AddColumns(a, b, c);
        foreach (var (x, y, z) in list) table.AddRow(new Text(x), new Text(y), new Text(z));
        AnsiConsole.Write(table);
        if (total > list.Count) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]… and {total - list.Count:N0} more.[/]");
    }

    /// <summary>Moves the bar as the importer reads; called on the reading thread, which Spectre allows.</summary>
    private sealed class BytesRead(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = Math.Min(value, task.MaxValue);
    }
}
