using System.CommandLine;
using SalesMentor.Cli;
using SalesMentor.Cli.Commands;

var root = new RootCommand("SalesMentor on the command line: bulk imports, the demo organization, accounts. " +
    "Uses the same configuration and database as the web app, and is safe to run beside it.")
{
    CliOptions.As,
    ImportCommands.Create(),
    DemoCommand.Create(),
    AdminCommands.Create(),
    MigrateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
