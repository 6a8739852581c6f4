using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.Impact;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary><c>salesmentor report impact --program NAME [--kpi ID]</c>: the impact page's verdict, effect, people and balance table.</summary>
internal static class ImpactReportCommand
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var program = new Option<string>("--program") { Description = "The program, by name.", Required = true };
        var kpi = new Option<string?>("--kpi") { Description = $"A KPI id from docs/kpis.md (default {GetProgramImpact.DefaultKpi}), e.g. won-revenue." };
        var command = new Command("impact", "Did the program move a KPI compared with similar reps who had no mentor? The verdict in plain words, with the evidence.")
        {
            program, kpi,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var found = await ProgramLookup.FindAsync(host, parse.GetValue(program)!, ct);
            if (!found.IsSuccess) return CliHost.Fail(found.Error!);
            var result = await host.InScopeAsync(s => s.GetRequiredService<GetProgramImpact>().HandleAsync(host.Actor, new ProgramImpactRequest(found.Value, parse.GetValue(kpi)), ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            Print(result.Value);
            return 0;
        });
        return command;
    }

    private static void Print(ProgramImpactView view)
    {
        AnsiConsole.MarkupLineInterpolated(Text, $"[bold]{view.ProgramName}[/] · {view.Kpi.Name} · data {view.FirstMonth} to {view.LastMonth}");
        AnsiConsole.MarkupLineInterpolated(Text, $"{(view.Effect is null ? "[yellow]" : "[green]")}{view.Verdict}[/]");
        if (view.Effect is { } e)
            AnsiConsole.MarkupLineInterpolated(Text, $"Effect {e.Effect:+0.00;-0.00;0.00} {view.Unit}, 95 % interval {e.Low:+0.00;-0.00;0.00} to {e.High:+0.00;-0.00;0.00}");
        var c = view.Counts;
        AnsiConsole.MarkupLineInterpolated(Text,
            $"Mentees {c.Mentees} (in the estimate {c.MenteesMatched}), comparison reps used {c.ComparisonReps} of {c.ComparisonPool}, cohorts {c.Cohorts}");
        if (view.PreTrend is { } pre)
            AnsiConsole.MarkupLineInterpolated(Text, $"Pre-trend check {(pre.Passed ? "passed" : "failed")}: {pre.WaldStatistic:0.00} against {pre.CriticalValue:0.00}");
        if (view.Balance.Count > 0)
        {
            var table = new Table().AddColumns("measure", "mentees", "all non-mentored", "matched comparison", "SMD before", "SMD after");
            foreach (var row in view.Balance)
            {
                string[] cells = [row.Feature, N(row.MenteeMean), N(row.AllComparisonMean), N(row.MatchedComparisonMean), N(row.SmdBefore), N(row.SmdAfter)];
                table.AddRow(cells.Select(x => new Spectre.Console.Text(x)));
            }

            AnsiConsole.Write(table);
        }

        if (view.MentorValueAdded is { Count: > 0 } mentors)
        {
            var table = new Table().AddColumns("mentor", "mentees", $"lift ({view.Unit})", "raw", "weight of own data");
            foreach (var m in mentors)
            {
                string[] cells = [m.Name, m.Mentees.ToString(Text), N(m.ShrunkLift), N(m.RawLift), m.Reliability.ToString("P0", Text)];
                table.AddRow(cells.Select(x => new Spectre.Console.Text(x)));
            }

            AnsiConsole.Write(table);
        }
    }

    private static string N(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", Text);
}
