using System.CommandLine;
using SalesMentor.Cli.Commands;

namespace SalesMentor.Cli;

public static class CliProgram
{
    public static async Task<int> Main(string[] args) =>
        OptimizedImport.Relaunched(args, out var exitCode) ? exitCode : await Root().Parse(args).InvokeAsync();

    /// <summary>Every command; tests invoke it the way the shell does.</summary>
    public static RootCommand Root() => new(
        "SalesMentor on the command line: bulk imports, matching, the demo organization, accounts. " +
        "Uses the same configuration and database as the web app, and is safe to run beside it.")
    {
        CliOptions.As,
        ImportCommands.Create(),
        DemoCommand.Create(),
        AdminCommands.Create(),
        MigrateCommand.Create(),
        ReportCommands.Create(),
        MatchCommand.Create(),
        BackupCommands.Backup(),
        BackupCommands.Restore(),
    };
}
