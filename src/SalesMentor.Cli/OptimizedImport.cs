using System.Diagnostics;
using System.Reflection;

namespace SalesMentor.Cli;

/// <summary>
/// The tool runs with tiered compilation, so short commands start fast (each method is compiled quickly first, and
/// only what runs often is compiled again, optimized). A bulk import is the exception: its code runs millions of times
/// from the first second, and recompiling it while it runs cost about a third more CPU than compiling it optimized once
/// (import-l, docs/import-crm.md). So <c>salesmentor import …</c> runs itself again as a child process with tiered
/// compilation off, its standard input and output shared, and returns the child's exit code. Setting
/// <c>DOTNET_TieredCompilation</c> yourself (either way) skips this.
/// </summary>
internal static class OptimizedImport
{
    private const string Variable = "DOTNET_TieredCompilation";

    /// <summary>True when the command was run in a child process; <paramref name="exitCode"/> is then its exit code.</summary>
    public static bool Relaunched(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (!IsImport(args) || Environment.GetEnvironmentVariable(Variable) is not null || Environment.ProcessPath is not { } host) return false;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Run as `dotnet salesmentor.dll …`: the host needs the tool's assembly first.
        var tool = Assembly.GetEntryAssembly()?.Location;
        if (!string.IsNullOrEmpty(tool) && !string.Equals(Path.GetFileNameWithoutExtension(host), Path.GetFileNameWithoutExtension(tool), StringComparison.Ordinal))
        {
            start.ArgumentList.Add(tool);
        }

        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "0";
        using var child = Process.Start(start);
        if (child is null) return false;
        // Ctrl+C reaches the child as well (same process group): it stops its import; this process waits for it.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        child.WaitForExit();
        exitCode = child.ExitCode;
        return true;
    }

    // `import …` (after any `--as EMAIL`), not its help.
    private static bool IsImport(string[] args)
    {
        var i = 0;
        while (i < args.Length && (args[i] == "--as" || args[i].StartsWith("--as=", StringComparison.Ordinal))) i += args[i] == "--as" ? 2 : 1;
        return i < args.Length && args[i] == "import" && !args.Any(a => a is "-h" or "--help" or "-?");
    }
}
