using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.Demo;
using SalesMentor.Core.Demo;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var size = new Option<DemoSize>("--size") { Description = "small (about 150 reps) or large (2,000 reps, about 1,000,000 opportunities).", DefaultValueFactory = _ => DemoSize.Small };
        var seed = new Option<int>("--seed") { Description = "The same seed and date give the same organization.", DefaultValueFactory = _ => 1 };
        var asOf = new Option<string?>("--as-of") { Description = "Last day of the demo's history, yyyy-MM-dd (default: today)." };
        var command = new Command("demo", "Fill an empty database with a generated demo sales organization and four demo sign-ins.") { size, seed, asOf };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? date = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--as-of '{text}' is not a date like 2026-06-30.[/]");
                    return 2;
                }

                date = parsed;
            }

            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var request = new SeedDemoRequest(parse.GetValue(size), parse.GetValue(seed), date);
            var result = await AnsiConsole.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var progress = new Progress<DemoProgress>(p =>
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task)) tasks[p.Stage] = task = context.AddTask(p.Stage).IsIndeterminate(p.Total is null);
                        task.Description = $"{p.Stage} {p.Done:N0}";
                        if (p.Total is { } total) task.Value = 100.0 * p.Done / Math.Max(1, total);
                    });
                    var outcome = await host.InScopeAsync(s => s.GetRequiredService<SeedDemoOrganization>().HandleAsync(host.Actor, request, ct, progress));
                    foreach (var task in tasks.Values) task.StopTask();
                    return outcome;
                });
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var table = new Table().AddColumns("", "count");
            table.AddRow("people", result.Value.People.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("quotas", result.Value.Quotas.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("opportunities", result.Value.Opportunities.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("activities", result.Value.Activities.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("mentorships", result.Value.Mentorships.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("manager interactions", result.Value.Interactions.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Sign in with {result.Value.Logins.Admin}, {result.Value.Logins.Manager}, {result.Value.Logins.Star} or {result.Value.Logins.Mentee}; password: {DemoSignIns.Password}");
            return 0;
        });
        return command;
    }
}
