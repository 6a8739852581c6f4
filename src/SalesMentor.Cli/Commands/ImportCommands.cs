using System.Globalization;
using System.CommandLine;

namespace SalesMentor.Cli.Commands;

internal static class ImportCommands
{
    public static Command Create() => new("import", "Bulk imports: the roster (people, teams, regions, managers).");
}
