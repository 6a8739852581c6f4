using System.Globalization;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bring the database to the current schema (every command does this first; this one does only that).");
        command.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.StartAsync(parse, ct);
            if (host is null) return 1;
            var options = host.Services.GetRequiredService<DatabaseOptions>();
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]The database is up to date[/] ({(options.Provider == DatabaseProvider.Sqlite ? options.SqliteFile : "PostgreSQL")}).");
            return 0;
        });
        return command;
    }
}
