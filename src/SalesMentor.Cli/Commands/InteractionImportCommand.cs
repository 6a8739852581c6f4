using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.ManagerRoles;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor import interactions FILE</c>: managers' logged time with their reps (docs/manager-roles.md), all or
/// nothing. Exit 0 when imported, 1 when the file is rejected (every problem printed with its line and column), 2 when
/// the file is missing.
/// </summary>
internal static class InteractionImportCommand
{
    private const int ProblemsShown = 50;
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "CSV with manager_email, rep_email, date (yyyy-MM-dd), role (supervisor|coach|trainer|mentor), minutes, topic and optionally private_note.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("interactions", "Import managers' interactions with their reps under the four roles.") { file };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(file) is not { } info) return Usage("Say which file to import: salesmentor import interactions FILE");
            if (!info.Exists) return Usage($"There is no file at {info.FullName}.");
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            await using var stream = info.OpenRead();
            var result = await host.InScopeAsync(s => s.GetRequiredService<ImportInteractions>().HandleAsync(host.Actor, stream, ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var outcome = result.Value;
            if (outcome.Problems.Count == 0)
            {
                AnsiConsole.MarkupLineInterpolated(Text, $"[green]Imported {outcome.Stored:N0} interaction(s).[/]");
                return 0;
            }

            foreach (var p in outcome.Problems.Take(ProblemsShown))
                AnsiConsole.MarkupLineInterpolated(Text, $"[red]{info.Name}, line {p.Line}{(p.Column.Length > 0 ? $", column {p.Column}" : "")}: {p.Reason}[/]");
            if (outcome.Problems.Count > ProblemsShown) AnsiConsole.MarkupLineInterpolated(Text, $"[grey]… and {outcome.Problems.Count - ProblemsShown:N0} more.[/]");
            AnsiConsole.MarkupLine("[red]Nothing was imported.[/]");
            return 1;
        });
        return command;
    }

    private static int Usage(string message)
    {
        AnsiConsole.MarkupLineInterpolated(Text, $"[red]{message}[/]");
        return 2;
    }
}
