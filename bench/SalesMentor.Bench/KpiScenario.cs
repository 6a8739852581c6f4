using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SalesMentor.Core.Kpis;

namespace SalesMentor.Bench;

/// <summary>
/// kpi-l: every KPI for every one of 5,000 reps and 36 months from 1,000,000 opportunities and 2,000,000 activities
/// already in memory — our engine against DuckDB (in-memory tables, 2 threads) in separate processes.
/// </summary>
internal static class KpiScenario
{
    private const int Threads = 2;

    internal static int Harness(BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("salesmentor-bench-");
        try
        {
            var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
            var oursPath = Path.Combine(folder.FullName, "ours.bin");
            var peerPath = Path.Combine(folder.FullName, "peer.bin");
            var ours = Measure.Child("kpi-l", "--role", "ours", "--seed", seed, "--out", oursPath);
            var peer = Measure.Child("kpi-l", "--role", "peer", "--seed", seed, "--out", peerPath);
            var differences = KpiCells.Read(oursPath).CompareWith(KpiCells.Read(peerPath));
            foreach (var difference in differences) Console.Error.WriteLine("differs: " + difference);
            var oursMs = ours.GetProperty("solve_ms").GetDouble();
            var peerMs = peer.GetProperty("solve_ms").GetDouble();
            Console.Error.WriteLine($"ours runs: {ours.GetProperty("runs_ms")} ms, input built in {ours.GetProperty("build_ms")} ms, percentile ranks of every KPI (not compared) {ours.GetProperty("ranks_ms")} ms; peer runs: {peer.GetProperty("runs_ms")} ms, data loaded in {peer.GetProperty("build_ms")} ms");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                scenario = "kpi-l",
                ours_ms = Math.Round(oursMs, 1),
                peer_ms = Math.Round(peerMs, 1),
                ratio = Math.Round(oursMs / peerMs, 3),
                ours_peak_mb = ours.GetProperty("peak_mb").GetDouble(),
                peer_peak_mb = peer.GetProperty("peak_mb").GetDouble(),
                agree = differences.Count == 0,
            }));
            return differences.Count == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static int Child(BenchOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var data = KpiBenchData.Generate(options.Seed);
        double[] runs;
        double[] rankRuns = [];
        KpiCells cells;
        double buildMs;
        if (options.Role == "peer-explain")
        {
            using var explained = new KpiPeer(data, Threads);
            explained.Solve();
            Console.Error.WriteLine(explained.Explain());
            return 0;
        }

        if (options.Role == "ours")
        {
            var input = data.ToInput();
            var periods = KpiBenchData.Periods();
            buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            KpiTable? table = null;
            runs = Measure.Time(() => table = ComputeKpis.For(input, periods, Threads));
            rankRuns = Measure.Time(() => RankKpis.Among(table!));   // not compared: the SQL does not rank
            cells = KpiCells.From(table!);
        }
        else
        {
            using var peer = new KpiPeer(data, Threads);
            buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            runs = Measure.Time(peer.Solve);
            cells = peer.Read();
        }

        var peak = Measure.PeakMegabytes();
        if (options.OutputPath is not null) cells.Write(options.OutputPath);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            role = options.Role,
            solve_ms = Measure.Median(runs),
            runs_ms = runs.Select(r => Math.Round(r, 1)).ToArray(),
            ranks_ms = rankRuns.Length == 0 ? (double?)null : Math.Round(Measure.Median(rankRuns), 1),
            build_ms = Math.Round(buildMs, 1),
            peak_mb = peak,
        }));
        return 0;
    }
}
