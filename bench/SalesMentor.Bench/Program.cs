using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SalesMentor.Bench;

// dotnet run -c Release --project bench/SalesMentor.Bench -- <scenario> [--seed N]
// The harness re-invokes itself with --role ours|peer, so each side's peak memory is its own.
var options = BenchOptions.Parse(args);
return options.Scenario switch
{
    "kpi-l" when options.Role is null => KpiScenario.Harness(options),
    "kpi-l" => KpiScenario.Child(options),
    "import-l" when options.Role is null => ImportScenario.Harness(options),
    "import-l" => ImportScenario.Child(options),
    "stars-demo" => StarsDemoScenario.Run(),
    "web" when options.Role is null => WebScenario.Harness(options),
    "web" when options.Role == "ceiling" => WebScenario.CeilingServer(options),
    var match when MatchScenario.Handles(match) && options.Role is null => MatchScenario.Harness(options),
    var match when MatchScenario.Handles(match) => MatchScenario.Child(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SalesMentor.Bench <kpi-l|import-l|web|stars-demo|match-s|match-m|match-l|match-fair|match-stable> [--seed N]");
    return 2;
}

/// <summary>Command line of the harness and of its child processes.</summary>
internal sealed record BenchOptions(string Scenario, string? Role, ulong Seed, string? OutputPath, string Variant = "uniform", int Runs = 3)
{
    internal static BenchOptions Parse(string[] args)
    {
        string? role = null, output = null;
        var variant = "uniform";
        var runs = 3;
        ulong seed = 20_260_101;
        for (var i = 1; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--role": role = args[++i]; break;
                case "--seed": seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--variant": variant = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: break;
            }
        }

        return new BenchOptions(args.Length > 0 ? args[0] : "", role, seed, output, variant, runs);
    }
}

/// <summary>Timing, memory and process helpers shared by the scenarios.</summary>
internal static class Measure
{
    internal const int WarmUps = 1;
    internal const int Runs = 5;

    /// <summary>Runs <paramref name="solve"/> once to warm up, then five times; returns each run's milliseconds.</summary>
    internal static double[] Time(Action solve)
    {
        for (var i = 0; i < WarmUps; i++) solve();
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var started = Stopwatch.GetTimestamp();
            solve();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return times;
    }

    internal static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Peak resident memory of this process in MB (VmHWM), native allocations included.</summary>
    internal static double PeakMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return Math.Round(kb / 1024.0, 1);
            }
        }

        return double.NaN;
    }

    /// <summary>Runs this program again with extra arguments and returns its last stdout line (a JSON object).</summary>
    internal static JsonElement Child(params string[] arguments) => Child(new Dictionary<string, string>(), arguments);

    /// <summary>The same, with extra environment variables for the child (runtime settings such as <c>DOTNET_TieredCompilation</c>).</summary>
    internal static JsonElement Child(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Measure).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + self);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Child {string.Join(' ', arguments)} exited with {process.ExitCode}.");
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonDocument.Parse(last).RootElement.Clone();
    }
}
