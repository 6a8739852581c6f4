using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Matching;
using SalesMentor.Core.Matching;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor match --program NAME [--mode best|fair|stable]</c> runs a program's matching board, as the page
/// does; <c>salesmentor match --mentors F --mentees F --scores F [--forbidden F] [--min-score N] [--mode M] --out F</c>
/// solves a problem given as CSV files, without the database. Exit 0 when solved, 2 for bad input, 1 otherwise.
/// </summary>
internal static class MatchCommand
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var program = new Option<string?>("--program") { Description = "Run the matching of the program with this name (its board, as on the page)." };
        var mode = new Option<string?>("--mode") { Description = "best (best total fit, the default), fair (fairest) or stable." };
        var mentors = new Option<FileInfo?>("--mentors") { Description = "CSV file with the header id,capacity." };
        var mentees = new Option<FileInfo?>("--mentees") { Description = "CSV file with the header id." };
        var scores = new Option<FileInfo?>("--scores") { Description = "CSV file with the header mentee,mentor,score (integers 0–1000000); a pair not listed cannot be matched." };
        var forbidden = new Option<FileInfo?>("--forbidden") { Description = "CSV file with the header mentee,mentor: pairs that must not be matched." };
        var minScore = new Option<int>("--min-score") { Description = "Listed pairs scoring below this are not candidates (default 0)." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the assignments: mentee,mentor,score." };
        var command = new Command("match", "Propose mentor–mentee pairs: for a program, or for a problem given as CSV files.")
        {
            program, mode, mentors, mentees, scores, forbidden, minScore, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var modeText = parse.GetValue(mode);
            if (!MatchModes.TryParse(modeText ?? "best", out var chosen)) return Usage($"--mode is best, fair or stable, not '{modeText}'.");
            if (parse.GetValue(program) is { } name)
            {
                return await ProgramAsync(parse, name, modeText, ct);
            }

            if (parse.GetValue(mentors) is not { } m || parse.GetValue(mentees) is not { } e || parse.GetValue(scores) is not { } s || parse.GetValue(output) is not { } o)
            {
                return Usage("Give --program NAME, or --mentors, --mentees, --scores and --out.");
            }

            var min = parse.GetValue(minScore);
            if (min is < 0 or > MatchProblem.MaxScore) return Usage("--min-score is 0 to 1000000.");
            return await FilesAsync(m, e, s, parse.GetValue(forbidden), min, chosen, o, ct);
        });
        return command;
    }

    private static async Task<int> FilesAsync(FileInfo mentors, FileInfo mentees, FileInfo scores, FileInfo? forbidden, int min, MatchMode mode, FileInfo output, CancellationToken ct)
    {
        var read = Stopwatch.StartNew();
        var (input, problems) = await MatchFiles.ReadAsync(mentors.FullName, mentees.FullName, scores.FullName, forbidden?.FullName, min, ct);
        if (input is null)
        {
            foreach (var problem in problems) AnsiConsole.MarkupLineInterpolated(Text, $"[red]{problem}[/]");
            return 2;
        }

        var p = input.Problem;
        AnsiConsole.MarkupLineInterpolated(Text, $"Read {p.Mentees:N0} mentees, {p.Mentors:N0} mentors, {p.Arcs.Length:N0} scored pairs, {p.Forbidden.Length:N0} forbidden in {read.Elapsed.TotalSeconds:0.00} s.");
        var solve = Stopwatch.StartNew();
        var result = SolveMatching.Solve(p, mode);
        var seconds = solve.Elapsed.TotalSeconds;
        if (!result.HasMatching)
        {
            AnsiConsole.MarkupLineInterpolated(Text, $"[red]{result.Message}[/] ({result.Status})");
            return 1;
        }

        await MatchFiles.WriteAsync(output.FullName, input, result, ct);
        Summary(result, p.Mentees, seconds);
        AnsiConsole.MarkupLineInterpolated(Text, $"Wrote {result.Matched:N0} assignments to {output.FullName}.");
        return result.Verdict.Verified ? 0 : 1;
    }

    private static async Task<int> ProgramAsync(ParseResult parse, string name, string? mode, CancellationToken ct)
    {
        await using var host = await CliHost.StartAsync(parse, ct);
        if (host is null) return 1;
        var found = await ProgramLookup.FindAsync(host, name, ct);
        if (!found.IsSuccess) return Usage(found.Error!.Message);
        var result = await host.InScopeAsync(s => s.GetRequiredService<ProposeMatches>().HandleAsync(host.Actor, found.Value, new RunMatchingRequest(mode), ct));
        if (!result.IsSuccess) return CliHost.Fail(result.Error!);
        var board = result.Value;
        var table = new Table().AddColumns("mentee", "mentor", "score", "status", "main reason");
        foreach (var pair in board.Pairs)
        {
            var reason = pair.Reasons.OrderByDescending(r => r.Points).FirstOrDefault()?.Text ?? "";
            table.AddRow(new Spectre.Console.Text(pair.Mentee.Name), new Spectre.Console.Text(pair.Mentor.Name), new Spectre.Console.Text(pair.Score.ToString(Text)),
                new Spectre.Console.Text(pair.Status + (pair.Locked ? ", locked" : "")), new Spectre.Console.Text(reason));
        }

        AnsiConsole.Write(table);
        foreach (var u in board.Unmatched) AnsiConsole.MarkupLineInterpolated(Text, $"[yellow]Unmatched[/] {u.Mentee.Name}: {u.Text}");
        var run = board.LastRun!;
        AnsiConsole.MarkupLineInterpolated(Text, $"{run.Message}");
        AnsiConsole.MarkupLineInterpolated(Text, $"Objective: {board.Matched:N0} of {board.Mentees:N0} mentees matched, total score {board.TotalScore:N0}; worst pair {(board.WorstScore?.ToString(Text) ?? "none")}; {board.Unmatched.Count:N0} unmatched.");
        Verdict(run.Verified, run.Verdict);
        return run.Verified ? 0 : 1;
    }

    private static void Summary(MatchResult result, int mentees, double seconds)
    {
        AnsiConsole.MarkupLineInterpolated(Text, $"{result.Message} Solved in {seconds:0.000} s.");
        var reasons = Enum.GetValues<UnmatchedReason>().Where(r => r != UnmatchedReason.None)
            .Select(r => (Reason: r, Count: result.Reasons.ToArray().Count(x => x == r))).Where(x => x.Count > 0).ToList();
        AnsiConsole.MarkupLineInterpolated(Text, $"Objective: {result.Matched:N0} of {mentees:N0} mentees matched, total score {result.TotalScore:N0}");
        AnsiConsole.MarkupLineInterpolated(Text, $"Worst pair: {(result.WorstScore?.ToString(Text) ?? "none")}");
        AnsiConsole.MarkupLineInterpolated(Text, $"Unmatched: {mentees - result.Matched:N0}{(reasons.Count == 0 ? "" : " (" + string.Join(", ", reasons.Select(r => $"{r.Count:N0} {r.Reason}")) + ")")}");
        Verdict(result.Verdict.Verified, result.Verdict.Summary);
    }

    /// <summary>"optimality verified" (or "stability verified") in green; a failed check in red.</summary>
    private static void Verdict(bool verified, string summary) => AnsiConsole.MarkupLine((verified ? "[green]" : "[red]") + Markup.Escape(summary) + "[/]");

    private static int Usage(string message)
    {
        AnsiConsole.MarkupLineInterpolated(Text, $"[red]{message}[/]");
        return 2;
    }
}
