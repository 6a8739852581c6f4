using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.ProgramMetrics;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary><c>salesmentor report programs [--program NAME] [--out file.csv|file.xlsx]</c>: program health in numbers, one program or all.</summary>
internal static class ProgramsReportCommand
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var program = new Option<string?>("--program") { Description = "One program, by name; every program together when left out." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the numbers and the last 12 months to this file: CSV, or XLSX when it ends in .xlsx." };
        var command = new Command("programs", "Program health: enrolled, matched, active pairs, sessions per pair per month, goals on track, mentor load.") { program, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            Guid? id = null;
            if (parse.GetValue(program) is { } name)
            {
                var found = await ProgramLookup.FindAsync(host, name, ct);
                if (!found.IsSuccess) return CliHost.Fail(found.Error!);
                id = found.Value;
            }

            var result = await host.InScopeAsync(s => s.GetRequiredService<GetProgramMetrics>().HandleAsync(host.Actor, id, ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var v = result.Value;
            var table = new Table().AddColumns("measure", "value");
            (string, string)[] rows =
            [
                ("program", v.Name), ("enrolled", $"{v.MentorsEnrolled} mentors, {v.MenteesEnrolled} mentees"),
                ("matched", $"{v.MenteesMatched}{(v.MatchRate is { } r ? $" ({r * 100:0} %)" : "")}"), ("running pairs", $"{v.RunningPairs}"),
                ("active pairs (session in 30 days)", $"{v.ActivePairs}"), ("sessions per pair per month", v.SessionsPerPairMonth?.ToString("0.0", Text) ?? "–"),
                ("KPI goals on track", $"{v.GoalsOnTrack} of {v.GoalsMeasured}"),
                ("behaviour adoption (consistent or above)", v.AdoptionRate is { } a ? $"{a * 100:0} % of {v.BehaviourGoals} goals" : "–"),
                ("pairs at risk", $"{v.PairsAtRisk}"),
                ("mentor load", $"average {v.AverageMentorLoad?.ToString("0.0", Text) ?? "–"}, largest {v.MaxMentorLoad}, over capacity {v.MentorsOverCapacity}"),
            ];
            foreach (var (measure, value) in rows) table.AddRow(new Spectre.Console.Text(measure), new Spectre.Console.Text(value));
            AnsiConsole.Write(table);
            if (parse.GetValue(output) is { } file)
            {
                var export = v.ToFile(file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv");
                await File.WriteAllBytesAsync(file.FullName, export.Content, ct);
                AnsiConsole.MarkupLineInterpolated(Text, $"Wrote {file.FullName}.");
            }

            return 0;
        });
        return command;
    }
}
