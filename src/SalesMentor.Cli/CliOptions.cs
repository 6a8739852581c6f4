using System.CommandLine;

namespace SalesMentor.Cli;

internal static class CliOptions
{
    /// <summary>Act as this person (their access rules, their name in the audit log) instead of as "command line".</summary>
    public static Option<string?> As { get; } = new("--as")
    {
        Description = "Act as the person with this email (their access; their name in the audit log). Without it, the command acts as \"command line\".",
        Recursive = true,
    };
}
