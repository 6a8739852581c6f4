using System.Globalization;
using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Security;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

internal static class AdminCommands
{
    public static Command Create() => new("admin", "Accounts: the first admin of a real install, invitations, password resets.")
    {
        CreateAdminCommand(),
        PersonCommand("invite", "Invite the person with this email: a one-time link to choose a password goes to their email (or the server log).",
            (s, host, person, ct) => s.GetRequiredService<InviteAccount>().HandleAsync(host.Actor, person, null, ct)),
        PersonCommand("reset-password", "Send the person with this email a one-time link to choose a new password.",
            (s, host, person, ct) => s.GetRequiredService<ResetAccountPassword>().HandleAsync(host.Actor, person, null, ct)),
        PersonCommand("disable", "Disable the account of the person with this email; their sessions end within a minute.",
            (s, host, person, ct) => s.GetRequiredService<SetAccountDisabled>().HandleAsync(host.Actor, person, true, ct)),
        PersonCommand("enable", "Enable the account of the person with this email again.",
            (s, host, person, ct) => s.GetRequiredService<SetAccountDisabled>().HandleAsync(host.Actor, person, false, ct)),
    };

    private static Command CreateAdminCommand()
    {
        var email = new Option<string>("--email") { Description = "The admin's email; links to the person with it, or creates one.", Required = true };
        var name = new Option<string?>("--name") { Description = "The admin's name, when no person has this email yet." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of asking (not with local passwords switched off: the admin then signs in with the company sign-in)." };
        var command = new Command("create", "Create an admin account (the first admin of a real install).") { email, name, passwordStdin };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            string? password = null;
            if (!host.Services.GetRequiredService<SecurityOptions>().LocalPasswordsEnabled)
            {
                if (parse.GetValue(passwordStdin))
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{CreateAdmin.PasswordsOff}[/]");
                    return 2;
                }
            }
            else if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
            }
            else
            {
                password = AnsiConsole.Prompt(new TextPrompt<string>("Password (at least 12 characters):").Secret());
                var again = AnsiConsole.Prompt(new TextPrompt<string>("Repeat it:").Secret());
                if (password != again)
                {
                    AnsiConsole.MarkupLine("[red]The two passwords differ.[/]");
                    return 2;
                }
            }

            var result = await host.InScopeAsync(s => s.GetRequiredService<CreateAdmin>().HandleAsync(
                host.Actor, new CreateAdminRequest(parse.GetValue(email), parse.GetValue(name), password), ct));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{result.Value.Message}[/]");
            return 0;
        });
        return command;
    }

    private static Command PersonCommand(string verb, string description,
        Func<IServiceProvider, CliHost, Core.People.PersonId, CancellationToken, Task<App.Common.Result<AccountActionResult>>> act)
    {
        var email = new Option<string>("--email") { Description = "The person's email.", Required = true };
        var command = new Command(verb, description) { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var address = parse.GetRequiredValue(email).Trim().ToLowerInvariant();
            var result = await host.InScopeAsync(async s =>
            {
                var person = await s.GetRequiredService<SalesMentorDb>().People.AsNoTracking().Where(p => p.Email == address).Select(p => (Core.People.PersonId?)p.Id).SingleOrDefaultAsync(ct);
                if (person is null) return App.Common.Error.NotFound("person");
                return await act(s, host, person.Value, ct);
            });
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{result.Value.Message}[/]");
            return 0;
        });
        return command;
    }
}
