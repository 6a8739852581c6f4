using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesMentor.App;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Kpis;
using SalesMentor.Core.Kpis;

namespace SalesMentor.Bench;

/// <summary>
/// import-l: the kpi-l data (5,000 reps, 1,000,000 opportunities, 2,000,000 activities) as Salesforce export CSV files
/// (Opportunity and Task, API field names) → committed in SQLite (WAL, synchronous=FULL, the production indexes, upsert by
/// source and external id) → the KPIs computed. Ours: the app's importers and KPI engine (a fresh database per run, the
/// Salesforce users imported first, untimed). Peer: the <c>sqlite3</c> shell's <c>.import</c> into staging tables, an
/// upsert into tables with the same indexes, then the KPIs in SQL stored as a table. DuckDB (to a database file) is
/// reported beside. The compared KPIs, per rep and month: won revenue, lost amount, pipeline created, won, lost and
/// created deals, and completed calls, emails, tasks, other activities and all activities; every cell must be equal.
/// </summary>
internal static class ImportScenario
{
    private const string Source = "salesforce";

    internal static int Harness(BenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("salesmentor-import-bench-");
        try
        {
            var started = Stopwatch.GetTimestamp();
            // SALESMENTOR_BENCH_FRACTION (e.g. 0.05) writes only that share of the rows, for a quick check of the harness.
            var fraction = double.Parse(Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_FRACTION") ?? "1", CultureInfo.InvariantCulture);
            var files = ImportFiles.Write(KpiBenchData.Generate(options.Seed), folder.FullName, fraction);
            Console.Error.WriteLine($"files written in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {files.Describe()}");
            var runs = options.Runs.ToString(CultureInfo.InvariantCulture);
            // Ours runs with the command-line tool's runtime settings (src/SalesMentor.Cli: no tiered compilation, so the
            // import's code is compiled optimized once rather than recompiled while it runs); SALESMENTOR_BENCH_TIERED=1 keeps tiering.
            var runtime = Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_TIERED") == "1"
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" };
            var ours = Measure.Child(runtime, "import-l", "--role", "ours", "--out", Path.Combine(folder.FullName, "ours.txt"), "--variant", folder.FullName, "--runs", runs);
            var peer = Measure.Child("import-l", "--role", "peer", "--out", Path.Combine(folder.FullName, "peer.txt"), "--variant", folder.FullName, "--runs", runs);
            var duck = Measure.Child("import-l", "--role", "duckdb", "--out", Path.Combine(folder.FullName, "duck.txt"), "--variant", folder.FullName, "--runs", runs);

            var oursCells = File.ReadAllLines(Path.Combine(folder.FullName, "ours.txt")).ToHashSet(StringComparer.Ordinal);
            var months = oursCells.Select(l => l.Split(',')[1]).ToHashSet(StringComparer.Ordinal);
            bool Agree(string file, string name)
            {
                var cells = File.ReadAllLines(Path.Combine(folder.FullName, file)).Where(l => months.Contains(l.Split(',')[1])).ToHashSet(StringComparer.Ordinal);
                var missing = oursCells.Where(c => !cells.Contains(c)).Take(10).ToList();
                var extra = cells.Where(c => !oursCells.Contains(c)).Take(10).ToList();
                foreach (var c in missing) Console.Error.WriteLine($"{name} lacks: {c}");
                foreach (var c in extra) Console.Error.WriteLine($"{name} has, ours not: {c}");
                return missing.Count == 0 && extra.Count == 0 && cells.Count == oursCells.Count;
            }

            var agree = Agree("peer.txt", "sqlite3") & Agree("duck.txt", "duckdb");
            Console.Error.WriteLine($"{oursCells.Count} non-zero cells over {months.Count} months compared");
            Console.Error.WriteLine($"ours runs: {ours.GetProperty("runs_ms")} ms (import {ours.GetProperty("import_ms")} ms, KPIs {ours.GetProperty("kpi_ms")} ms); sqlite3 runs: {peer.GetProperty("runs_ms")} ms (import {peer.GetProperty("import_ms")} ms); duckdb runs: {duck.GetProperty("runs_ms")} ms");
            var oursMs = ours.GetProperty("solve_ms").GetDouble();
            var peerMs = peer.GetProperty("solve_ms").GetDouble();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                scenario = "import-l",
                ours_ms = Math.Round(oursMs, 1),
                peer_ms = Math.Round(peerMs, 1),
                ratio = Math.Round(oursMs / peerMs, 3),
                duckdb_ms = Math.Round(duck.GetProperty("solve_ms").GetDouble(), 1),
                ours_peak_mb = ours.GetProperty("peak_mb").GetDouble(),
                peer_peak_mb = peer.GetProperty("peak_mb").GetDouble(),
                agree,
            }));
            return agree ? 0 : 1;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_KEEP") is null) folder.Delete(recursive: true);
        }
    }

    internal static int Child(BenchOptions options)
    {
        var folder = options.Variant;
        var files = ImportFiles.In(folder);
        var count = options.Runs;
        var runs = new double[count];
        var imports = new double[count];
        var kpis = new double[count];
        double peak = double.NaN;
        for (var run = 0; run < count; run++)
        {
            var database = Path.Combine(folder, $"{options.Role}-{run}.db");
            var (import, kpi, cells, runPeak) = options.Role switch
            {
                "ours" => Ours(files, database),
                "peer" => Sqlite3(files, database),
                _ => Duck(files, database),
            };
            (runs[run], imports[run], kpis[run]) = (import + kpi, import, kpi);
            peak = double.IsNaN(peak) ? runPeak : Math.Max(peak, runPeak);
            foreach (var file in Directory.GetFiles(folder, Path.GetFileName(database) + "*")) File.Delete(file);
            if (run == count - 1) File.WriteAllLines(options.OutputPath!, cells.Order(StringComparer.Ordinal));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            solve_ms = Measure.Median(runs),
            import_ms = Math.Round(Measure.Median(imports), 1),
            kpi_ms = Math.Round(Measure.Median(kpis), 1),
            runs_ms = string.Join(", ", runs.Select(r => Math.Round(r).ToString(CultureInfo.InvariantCulture))),
            peak_mb = peak,
        }));
        return 0;
    }

    // Ours: a fresh database brought up by the app itself; users imported (untimed); then deals, tasks and the KPIs.
    private static (double Import, double Kpi, List<string> Cells, double Peak) Ours(ImportFiles files, string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:SalesMentor"] = $"Data Source={database}",
            ["DataFolder"] = Path.GetDirectoryName(database),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // SALESMENTOR_BENCH_LOG=Information shows the app's own timings (import runs, KPI load and compute).
        var level = Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_LOG");
        services.AddLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            if (level is null) return;
            l.SetMinimumLevel(Enum.Parse<LogLevel>(level)).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter("Microsoft", LogLevel.Warning);
        });
        services.AddSalesMentorApp(configuration);
        using var provider = services.BuildServiceProvider();
        Run(provider, s => s.GetRequiredService<DatabaseInitializer>().InitializeAsync(default));
        Run(provider, s => s.GetRequiredService<SalesMentorDb>().OrganizationSettings.ExecuteUpdateAsync(u => u
            .SetProperty(o => o.TimeZone, "UTC").SetProperty(o => o.CorporateCurrency, "USD").SetProperty(o => o.FiscalYearStartMonth, 1)));
        Import(provider, files.Users, (s, r) => s.GetRequiredService<ImportUsers>().HandleAsync(Actor.CommandLine, r, default));

        GC.Collect();
        Memory("before");
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        Import(provider, files.Opportunities, (s, r) => s.GetRequiredService<ImportOpportunities>().HandleAsync(Actor.CommandLine, r, default));
        Memory("deals");
        Import(provider, files.Tasks, (s, r) => s.GetRequiredService<ImportActivities>().HandleAsync(Actor.CommandLine, r, default));
        var imported = Stopwatch.GetTimestamp();
        // CPU time beside wall time: on a shared machine the wall time depends on the other work, the CPU time much less.
        Console.Error.WriteLine($"ours import: {Stopwatch.GetElapsedTime(started, imported).TotalSeconds:0.00} s wall, {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:0.00} s CPU");
        Memory("tasks");
        var snapshot = provider.GetRequiredService<KpiCache>().GetAsync(default).GetAwaiter().GetResult();
        var done = Stopwatch.GetTimestamp();
        Memory("kpis");

        var table = snapshot.TableOf(PeriodKind.Month).Table;
        var cells = new List<string>();
        for (var person = 0; person < table.People; person++)
        {
            var rep = snapshot.People[person].Name[4..];
            for (var period = 0; period < table.Periods.Count; period++)
            {
                var month = table.Periods[period].Start;
                if (month < KpiBenchData.WindowStart || month >= KpiBenchData.WindowEnd) continue;
                foreach (var (kpi, name) in Compared)
                {
                    var value = KpiCatalog.KindOf(kpi) == KpiKind.Money ? table.Money(person, period, kpi) ?? 0 : table.Count(person, period, kpi);
                    if (value != 0) cells.Add(Cell(rep, month, name, value));
                }
            }
        }

        return (Stopwatch.GetElapsedTime(started, imported).TotalMilliseconds, Stopwatch.GetElapsedTime(imported, done).TotalMilliseconds, cells, Measure.PeakMegabytes());
    }

    // SALESMENTOR_BENCH_MEM=1: memory and collections so far, with a monotonic timestamp (to cut a perf profile to the import).
    private static void Memory(string at)
    {
        if (Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_MEM") is null) return;
        var rss = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        Console.Error.WriteLine($"memory {at} at {Stopwatch.GetTimestamp() / 1e9:0.000}: peak {Measure.PeakMegabytes()} MB, {rss.Trim()}, GC heap {GC.GetTotalMemory(false) / 1048576} MB, committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
    }

    private static readonly (Kpi Kpi, string Name)[] Compared =
    [
        (Kpi.WonRevenue, "won_revenue"), (Kpi.LostAmount, "lost_amount"), (Kpi.PipelineCreated, "pipeline_created"),
        (Kpi.WonDeals, "won_deals"), (Kpi.LostDeals, "lost_deals"), (Kpi.OpportunitiesCreated, "opportunities_created"),
        (Kpi.Calls, "calls"), (Kpi.Emails, "emails"), (Kpi.Meetings, "meetings"), (Kpi.Tasks, "tasks"), (Kpi.OtherActivities, "other_activities"), (Kpi.Activities, "activities"),
    ];

    private static string Cell(string rep, DateOnly month, string kpi, long value) =>
        string.Create(CultureInfo.InvariantCulture, $"{rep},{month:yyyy-MM},{kpi},{value}");

    private static void Run(IServiceProvider provider, Func<IServiceProvider, Task> action)
    {
        using var scope = provider.CreateScope();
        action(scope.ServiceProvider).GetAwaiter().GetResult();
    }

    private static void Import(IServiceProvider provider, string file, Func<IServiceProvider, ImportSalesDataRequest, Task<Result<ImportRunView>>> import)
    {
        using var scope = provider.CreateScope();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var result = import(scope.ServiceProvider, new ImportSalesDataRequest(stream, Path.GetFileName(file))).GetAwaiter().GetResult();
        if (!result.IsSuccess || result.Value.Status != App.Domain.ImportStatus.Completed || result.Value.RejectedRows != 0)
        {
            throw new InvalidOperationException($"Import of {file}: {result.Error?.Message ?? result.Value.Status + " " + result.Value.Notice + " " + string.Join("; ", result.Value.Errors.Take(5).Select(e => $"{e.Line} {e.Column} {e.Reason}"))}");
        }
    }

    // The peer: one sqlite3 shell process per run, its wall time and peak memory measured by /usr/bin/time.
    private static (double Import, double Kpi, List<string> Cells, double Peak) Sqlite3(ImportFiles files, string database)
    {
        Shell(database, Sql.SqliteSchema + Sql.SqlitePeople(files.Users), out _, out _);
        var import = Shell(database, Sql.SqliteImport(files), out var importPeak, out var importCpu);
        Console.Error.WriteLine($"sqlite3 import: {import / 1000:0.00} s wall, {importCpu:0.00} s CPU");
        var kpi = Shell(database, Sql.SqliteKpis, out var kpiPeak, out _);
        var output = Path.Combine(Path.GetDirectoryName(database)!, "sqlite-kpis.csv");
        Shell(database, $".mode csv\n.output {output}\nSELECT rep, month, kpi, value FROM kpi_cells WHERE value <> 0;\n", out _, out _);
        var cells = File.ReadAllLines(output).ToList();
        File.Delete(output);
        return (import, kpi, cells, Math.Max(importPeak, kpiPeak));
    }

    private static double Shell(string database, string script, out double peakMb, out double cpuSeconds)
    {
        var timeFile = database + ".time";
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "%U %S %M", "-o", timeFile, "sqlite3", "-bail", database }) start.ArgumentList.Add(a);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start sqlite3.");
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException("sqlite3 failed: " + errors);
        var usage = File.ReadAllLines(timeFile)[^1].Trim().Split(' ');
        cpuSeconds = double.Parse(usage[0], CultureInfo.InvariantCulture) + double.Parse(usage[1], CultureInfo.InvariantCulture);
        peakMb = Math.Round(long.Parse(usage[2], CultureInfo.InvariantCulture) / 1024.0, 1);
        File.Delete(timeFile);
        return elapsed;
    }

    // Beside: DuckDB to a database file, the same staging, upsert and KPI SQL, in process.
    private static (double Import, double Kpi, List<string> Cells, double Peak) Duck(ImportFiles files, string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        Execute(connection, "SET threads = 2;" + Sql.DuckSchema + Sql.DuckPeople(files.Users));
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        Execute(connection, Sql.DuckImport(files));
        var imported = Stopwatch.GetTimestamp();
        Execute(connection, Sql.DuckKpis);
        var done = Stopwatch.GetTimestamp();
        var cells = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rep, month, kpi, value FROM kpi_cells WHERE value <> 0";
            using var reader = command.ExecuteReader();
            while (reader.Read()) cells.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)},{reader.GetString(1)},{reader.GetString(2)},{reader.GetInt64(3)}"));
        }

        return (Stopwatch.GetElapsedTime(started, imported).TotalMilliseconds, Stopwatch.GetElapsedTime(imported, done).TotalMilliseconds, cells, Measure.PeakMegabytes());
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The three export files of import-l, written once by the harness.</summary>
internal sealed record ImportFiles(string Users, string Opportunities, string Tasks)
{
    internal static ImportFiles In(string folder) =>
        new(Path.Combine(folder, "User.csv"), Path.Combine(folder, "Opportunity.csv"), Path.Combine(folder, "Task.csv"));

    internal string Describe() => string.Join(", ", new[] { Users, Opportunities, Tasks }.Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1048576.0:0.0} MB"));

    internal static string RepId(int rep) => "005B" + rep.ToString("D8", CultureInfo.InvariantCulture);

    internal static ImportFiles Write(KpiBenchData data, string folder, double fraction)
    {
        var opportunityCount = (int)(data.Opportunities.Length * fraction);
        var activityCount = (int)(data.Activities.Length * fraction);
        var files = In(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        using (var users = new StreamWriter(files.Users, false, utf8))
        {
            users.Write("Id,Name,Email,IsActive,ManagerId\r\n");
            for (var r = 0; r < KpiBenchData.Reps; r++) users.Write(string.Create(CultureInfo.InvariantCulture, $"{RepId(r)},Rep {r:D6},rep{r}@bench.test,1,\r\n"));
        }

        using (var deals = new StreamWriter(files.Opportunities, false, utf8, 1 << 16))
        {
            deals.Write("Id,IsDeleted,AccountId,Name,StageName,Amount,Probability,CloseDate,IsClosed,IsWon,ForecastCategory,OwnerId,CreatedDate,FiscalQuarter,FiscalYear\r\n");
            for (var i = 0; i < opportunityCount; i++)
            {
                var o = data.Opportunities[i];
                var stage = o.IsWon ? "Closed Won" : o.IsClosed ? "Closed Lost" : "Prospecting";
                var amount = o.Amount is { } a ? (a / 10_000m).ToString("0.00", CultureInfo.InvariantCulture) : "";
                var close = o.CloseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
                var created = o.CreatedOn is { } c ? c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00:00.000+0000" : "";
                deals.Write(string.Create(CultureInfo.InvariantCulture,
                    $"006B{i:D11},,001B{i % 50_000:D11},Deal {i},{stage},{amount},{(o.IsWon ? 100 : o.IsClosed ? 0 : 20)},{close},{(o.IsClosed ? "1" : "")},{(o.IsWon ? "1" : "")},{(o.IsClosed ? "Closed" : "Pipeline")},{RepId(o.Owner)},{created},,\r\n"));
            }
        }

        using (var tasks = new StreamWriter(files.Tasks, false, utf8, 1 << 16))
        {
            tasks.Write("Id,Subject,ActivityDate,Status,Priority,OwnerId,IsClosed,CreatedDate,TaskSubtype,Type\r\n");
            for (var i = 0; i < activityCount; i++)
            {
                var a = data.Activities[i];
                var (subtype, type) = a.Type switch
                {
                    ActivityType.Call => ("Call", "Call"),
                    ActivityType.Email => ("Email", "Email"),
                    ActivityType.Meeting => ("", "Meeting"),
                    ActivityType.Task => ("Task", ""),
                    _ => ("", "Other"),
                };
                tasks.Write(string.Create(CultureInfo.InvariantCulture,
                    $"00TB{i:D11},Touch {i},{a.Date:yyyy-MM-dd},{(a.Completed ? "Completed" : "Not Started")},Normal,{RepId(a.Owner)},{(a.Completed ? "1" : "")},{a.Date:yyyy-MM-dd}T09:00:00.000+0000,{subtype},{type}\r\n"));
            }
        }

        return files;
    }
}
