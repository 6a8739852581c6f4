using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace SalesMentor.Cli.Commands;

/// <summary>
/// What the all-or-nothing CSV import commands (<c>import interactions</c>, <c>import mentorships</c>) share: the file
/// argument and its checks (exit 2), and the rejected file's problems (the first 50, then a count; exit 1).
/// </summary>
internal static class CsvImportOutput
{
    private const int ProblemsShown = 50;
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>The optional FILE argument: missing is a usage error the command reports itself.</summary>
    public static Argument<FileInfo?> FileArgument(string description) => new("file") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    /// <summary>The file to read, or the exit code of a usage error already printed.</summary>
    public static (FileInfo? File, int Exit) Check(FileInfo? info, string usage)
    {
        if (info is null) return (null, Usage($"Say which file to import: {usage}"));
        return info.Exists ? (info, 0) : (null, Usage($"There is no file at {info.FullName}."));
    }

    /// <summary>Prints the problems of a rejected file, each as "FILE, line N[, column C]: reason"; returns 1.</summary>
    public static int Rejected(string fileName, IReadOnlyCollection<(int Line, string? Column, string Reason)> problems)
    {
        foreach (var (line, column, reason) in problems.Take(ProblemsShown))
        {
            var where = (line == 0 ? "" : $", line {line}") + (string.IsNullOrEmpty(column) ? "" : $", column {column}");
            AnsiConsole.MarkupLineInterpolated(Text, $"[red]{fileName}{where}: {reason}[/]");
        }

        if (problems.Count > ProblemsShown) AnsiConsole.MarkupLineInterpolated(Text, $"[grey]… and {problems.Count - ProblemsShown:N0} more.[/]");
        AnsiConsole.MarkupLine("[red]Nothing was imported.[/]");
        return 1;
    }

    /// <summary>Prints a success line in green; returns 0.</summary>
    public static int Done(FormattableString message)
    {
        ArgumentNullException.ThrowIfNull(message);
        AnsiConsole.MarkupLineInterpolated(Text, $"[green]{message.ToString(Text)}[/]");
        return 0;
    }

    /// <summary>Prints a usage error in red; returns 2.</summary>
    public static int Usage(string message)
    {
        AnsiConsole.MarkupLineInterpolated(Text, $"[red]{message}[/]");
        return 2;
    }
}
