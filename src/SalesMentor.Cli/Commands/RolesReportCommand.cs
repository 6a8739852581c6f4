using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.ManagerRoles;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary><c>salesmentor report roles --period month|quarter|year [--count N] [--weeks N]</c>: role balance against the target mix.</summary>
internal static class RolesReportCommand
{
    private static readonly string[] Roles = ["supervisor", "coach", "trainer", "mentor"];

    public static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "Periods of a month, a fiscal quarter or a fiscal year (month|quarter|year); default month." };
        var count = new Option<int?>("--count") { Description = "How many periods up to today (1–36, default 6)." };
        var weeks = new Option<int?>("--weeks") { Description = "List reps with no coaching in this many weeks (default 4)." };
        var command = new Command("roles", "The four roles: each manager's share of time as supervisor, coach, trainer and mentor against the target mix, and reps with no coaching.")
        {
            period, count, weeks,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var request = new RoleBalanceRequest(parse.GetValue(period) ?? "month", parse.GetValue(count) ?? 6, parse.GetValue(weeks) ?? 4);
            var result = await host.InScopeAsync(s => s.GetRequiredService<GetRoleBalance>().HandleAsync(host.Actor, request, ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var view = result.Value;
            var text = CultureInfo.InvariantCulture;
            AnsiConsole.MarkupLineInterpolated(text, $"Target mix: supervisor {view.Target.Supervisor} %, coach {view.Target.Coach} %, trainer {view.Target.Trainer} %, mentor {view.Target.Mentor} % (as of {view.AsOf:yyyy-MM-dd})");
            var table = new Table().AddColumns(["manager", "period", "minutes", .. Roles.Select(r => r + " %"), "largest gap"]);
            foreach (var manager in view.Managers.Append(view.Total))
            {
                foreach (var row in manager.Periods)
                {
                    var shares = row.Shares.Select(s => row.TotalMinutes == 0 ? "–" : (s * 100).ToString("0", text));
                    var gap = row.TotalMinutes == 0 ? "" : Gap(row.GapToTarget);
                    string[] cells = [manager.Name, row.Period, row.TotalMinutes.ToString("N0", text), .. shares, gap];
                    table.AddRow(cells.Select(c => new Text(c)));
                }
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(text, $"[bold]{view.NoCoaching.Count}[/] reps with no coaching in {view.NoCoachingWeeks} weeks:");
            foreach (var rep in view.NoCoaching)
                AnsiConsole.MarkupLineInterpolated(text, $"  {rep.Name} ({rep.ManagerName ?? "no manager"}), last coached {(rep.LastCoachedOn is { } d ? d.ToString("yyyy-MM-dd", text) : "not in the window")}");
            return 0;

            string Gap(IReadOnlyList<double> gaps)
            {
                var worst = Enumerable.Range(0, 4).MaxBy(i => Math.Abs(gaps[i]));
                return $"{Roles[worst]} {(gaps[worst] * 100).ToString("+0;-0;0", text)} pts";
            }
        });
        return command;
    }
}
