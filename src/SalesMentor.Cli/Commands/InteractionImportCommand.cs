using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Features.ManagerRoles;
using static SalesMentor.Cli.Commands.CsvImportOutput;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor import interactions FILE</c>: managers' logged time with their reps (docs/manager-roles.md), all or
/// nothing. Exit 0 when imported, 1 when the file is rejected (every problem printed with its line and column), 2 when
/// the file is missing.
/// </summary>
internal static class InteractionImportCommand
{
    public static Command Create()
    {
        var file = FileArgument("CSV with manager_email, rep_email, date (yyyy-MM-dd), role (supervisor|coach|trainer|mentor), minutes, topic and optionally private_note.");
        var command = new Command("interactions", "Import managers' interactions with their reps under the four roles.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var (info, exit) = Check(parse.GetValue(file), "salesmentor import interactions FILE");
            if (info is null) return exit;
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            await using var stream = info.OpenRead();
            var result = await host.InScopeAsync(s => s.GetRequiredService<ImportInteractions>().HandleAsync(host.Actor, stream, ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            var outcome = result.Value;
            return outcome.Problems.Count == 0
                ? Done($"Imported {outcome.Stored:N0} interaction(s).")
                : Rejected(info.Name, [.. outcome.Problems.Select(p => (p.Line, (string?)p.Column, p.Reason))]);
        });
        return command;
    }
}
