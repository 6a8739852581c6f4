using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Backups;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// <c>salesmentor backup --out FILE</c> and <c>salesmentor restore FILE</c>. The passphrase comes from
/// <c>SALESMENTOR_BACKUP_PASSPHRASE</c> or is asked for; it is never written anywhere.
/// </summary>
internal static class BackupCommands
{
    public const string PassphraseVariable = "SALESMENTOR_BACKUP_PASSPHRASE";

    public static Command Backup()
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (it must not exist yet).", Required = true };
        var command = new Command("backup", "Write an encrypted backup of the whole database (the app may keep running).") { output };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(output);
            if (file.Exists)
            {
                Say($"[red]{file.FullName} exists already; choose a new file name.[/]");
                return 2;
            }

            var passphrase = Passphrase(confirm: true);
            if (passphrase is null) return 2;
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var partial = file.FullName + ".partial";
            var result = await AnsiConsole.Status().StartAsync("Writing the backup…", async _ =>
            {
                await using var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                return await host.InScopeAsync(s => s.GetRequiredService<CreateBackup>().HandleAsync(host.Actor, new CreateBackupRequest(stream, passphrase), ct));
            });
            if (!result.IsSuccess)
            {
                File.Delete(partial);
                return CliHost.Fail(result.Error!);
            }

            File.Move(partial, file.FullName);
            Say($"[green]Backup written:[/] {Markup.Escape(file.FullName)} ({result.Value.Bytes / 1024.0 / 1024.0:N1} MB, {result.Value.Provider}, schema {Markup.Escape(result.Value.Schema)}). Keep the passphrase safe: without it the backup cannot be opened.");
            return 0;
        });
        return command;
    }

    public static Command Restore()
    {
        var input = new Argument<FileInfo>("file") { Description = "The backup file." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation." };
        var command = new Command("restore", "Replace the database with a backup (stop the web app first). Checks the whole backup before touching anything.") { input, yes };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(input);
            if (!file.Exists)
            {
                Say($"[red]There is no file at {Markup.Escape(file.FullName)}.[/]");
                return 2;
            }

            if (!parse.GetValue(yes) && !AnsiConsole.Confirm("This replaces the current database with the backup. Go on?", defaultValue: false)) return 1;
            var passphrase = Passphrase(confirm: false);
            if (passphrase is null) return 2;
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            await using var stream = file.OpenRead();
            var result = await AnsiConsole.Status().StartAsync("Checking and restoring the backup…", _ =>
                host.InScopeAsync(s => s.GetRequiredService<RestoreBackup>().HandleAsync(host.Actor, new RestoreBackupRequest(stream, passphrase), ct)));
            if (!result.IsSuccess) return CliHost.Fail(result.Error!);

            // An older backup is brought up to this version's schema.
            await host.InScopeAsync(async s =>
            {
                await s.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
                return true;
            });
            Say($"[green]Restored[/] the backup of {result.Value.BackupCreatedAt:yyyy-MM-dd HH:mm} UTC (schema {Markup.Escape(result.Value.Schema)}).");
            if (result.Value.PreviousDatabaseKeptAt is { } kept) Say($"The database it replaced is kept at {Markup.Escape(kept)}.");
            return 0;
        });
        return command;
    }

    private static string? Passphrase(bool confirm)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PassphraseVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        if (Console.IsInputRedirected)
        {
            Say($"[red]Set {PassphraseVariable}, or run this in a terminal to be asked for the passphrase.[/]");
            return null;
        }

        var passphrase = AnsiConsole.Prompt(new TextPrompt<string>("Backup passphrase:").Secret());
        if (confirm && AnsiConsole.Prompt(new TextPrompt<string>("Repeat it:").Secret()) != passphrase)
        {
            Say("[red]The two passphrases differ.[/]");
            return null;
        }

        return passphrase;
    }

    private static void Say(string markup) => AnsiConsole.MarkupLine(markup);
}
