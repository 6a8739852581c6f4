using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.Stars;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary><c>salesmentor report kpis|stars</c>: the numbers of the scorecards and the stars page, with the same access rules.</summary>
internal static class ReportCommands
{
    private static readonly string[] Shown = ["won-revenue", "quota-attainment", "win-rate-by-count", "pipeline-created", "closed-deals", "activities"];

    public static Command Create() => new("report", "Reports: every KPI of every rep for a period, and the proven stars.")
    {
        KpisCommand(),
        StarsCommand(),
        RolesReportCommand.Create(),
        ImpactReportCommand.Create(),
        ProgramsReportCommand.Create(),
    };

    /// <summary><c>salesmentor report kpis --period 2026-Q3|2026-03|FY2026 [--team T] [--out file.csv|file.xlsx]</c>: exit 0, 2 for a bad period or team.</summary>
    private static Command KpisCommand()
    {
        var period = new Option<string?>("--period") { Description = "The period: a month (2026-03), a fiscal quarter (2026-Q3) or a fiscal year (FY2026)." };
        var team = new Option<string?>("--team") { Description = "Only this team (its name or id)." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write every KPI to this file: CSV, or XLSX when it ends in .xlsx." };
        var command = new Command("kpis", "Every KPI of every rep in a period: a table of the main ones, and all of them with --out.") { period, team, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var request = new GetKpiReportRequest(parse.GetValue(period), parse.GetValue(team));
            var result = await host.InScopeAsync(s => s.GetRequiredService<GetKpiReport>().HandleAsync(host.Actor, request, ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var report = result.Value;
            var columns = Shown.Select(id => report.Columns.Single(c => c.Id == id)).ToList();
            var table = new Table().AddColumns(["name", "team", .. columns.Select(c => c.Name)]);
            foreach (var row in report.Rows)
            {
                var values = columns.Select(c => new Text(Format(c, row.Values[report.Columns.ToList().IndexOf(c)]))).Cast<Spectre.Console.Rendering.IRenderable>();
                table.AddRow([new Text(row.Name), new Text(row.Team ?? ""), .. values]);
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{report.Period.Label}[/] ({report.Period.Start:yyyy-MM-dd} to {report.Period.End.AddDays(-1):yyyy-MM-dd}), amounts in {report.Currency}: {report.Rows.Count} reps");
            AnsiConsole.Write(table);
            if (parse.GetValue(output) is { } file)
            {
                var format = file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv";
                await File.WriteAllBytesAsync(file.FullName, report.ToFile(format).Content, ct);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Wrote every KPI of {report.Rows.Count} reps to {file.FullName}.[/]");
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>salesmentor report stars [--all]</c>: the proven stars with the reason; --all adds everyone else judged.</summary>
    private static Command StarsCommand()
    {
        var all = new Option<bool>("--all") { Description = "Also list who is not a star and who has not enough data." };
        var command = new Command("stars", "The proven stars under the organization's star rule, each with the reason.") { all };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            string[] statuses = parse.GetValue(all) ? ["Star", "NotEnoughData", "NotStar"] : ["Star"];
            var result = await host.InScopeAsync(s => s.GetRequiredService<ListStars>().HandleAsync(
                host.Actor, new ListStarsRequest(statuses, new PageRequest(0, PageRequest.MaxPageSize)), ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var list = result.Value;
            AnsiConsole.WriteLine(list.Rule);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Data up to {list.AsOf:yyyy-MM-dd}: [bold]{list.Stars}[/] stars, {list.NotStars} not stars, {list.NotEnoughData} not enough data.");
            var table = new Table().AddColumns("name", "team", "status", "reason");
            foreach (var row in list.Items) table.AddRow(new Text(row.Name), new Text(row.Team ?? ""), new Text(row.Verdict.Status.ToString()), new Text(row.Verdict.Reason));
            AnsiConsole.Write(table);
            if (list.Total > list.Items.Count) AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]… and {list.Total - list.Items.Count:N0} more.[/]");
            return 0;
        });
        return command;
    }

    private static string Format(KpiDefinitionView kpi, decimal? value)
    {
        if (value is not { } v) return "–";
        var text = CultureInfo.InvariantCulture;
        return kpi.Unit switch
        {
            "currency" => v.ToString("#,0.00", text),
            "ratio" => (v * 100).ToString("0.0", text) + " %",
            "days" => v.ToString("0.#", text),
            _ => v.ToString("#,0", text),
        };
    }
}
