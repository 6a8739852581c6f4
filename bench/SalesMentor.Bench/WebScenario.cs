using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SalesMentor.Bench;

/// <summary>
/// web: the published app (Release, Production, SQLite file) on the large demo organization, signed in as the demo sales
/// manager. First a fixed 200 requests per second spread over four pages (cookie) and four API reads (personal access
/// token), eight <c>hey</c> processes at 25 req/s each, every response time kept: a warm-up window (20 s; the runtime
/// compiles the hot code a second time, optimized, in the first seconds under load), reported on its own, then the
/// measured window (60 s) the goals are read from; then <c>wrk</c>
/// saturates the API reads, and the same <c>wrk</c> saturates a bare Kestrel endpoint returning a constant (this program with
/// <c>--role ceiling</c>), the ceiling, in the same run. Goals (QUALITY.md): p99 &lt; 100 ms, 0 errors, API reads ≥ 10 % of the
/// ceiling's throughput.
/// </summary>
internal static partial class WebScenario
{
    private const string Manager = "manager@demo.example";
    private const string Password = "demo-password";
    private const int Workers = 5;
    private const int PerWorkerRate = 5;

    internal static int Harness(BenchOptions options)
    {
        var seconds = int.Parse(Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_SECONDS") ?? "60", CultureInfo.InvariantCulture);
        var warmSeconds = int.Parse(Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_WARMUP") ?? "20", CultureInfo.InvariantCulture);
        var saturationSeconds = Math.Max(5, seconds / 3);
        var work = Environment.GetEnvironmentVariable("SALESMENTOR_BENCH_WEB_DIR") ?? Path.Combine(Path.GetTempPath(), "salesmentor-bench-web");
        Directory.CreateDirectory(work);
        BenchProcesses.RequireTool("hey");
        BenchProcesses.RequireTool("wrk");

        var root = BenchProcesses.RepositoryRoot();
        var web = Path.Combine(work, "web");
        var cli = Path.Combine(work, "cli");
        BenchProcesses.Publish(root, "src/SalesMentor.Web", web);
        BenchProcesses.Publish(root, "src/SalesMentor.Cli", cli);
        var demoSeed = (int)(options.Seed % 1_000_000);
        var data = LargeDemo(cli, work, demoSeed);

        var port = BenchProcesses.FreePort();
        using var app = StartApp(web, data, port);
        try
        {
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            WaitReady(baseUri, TimeSpan.FromMinutes(5));
            var session = SignIn(baseUri).GetAwaiter().GetResult();
            var pages = new[] { "/", $"/people/{session.Rep}", "/leaderboards", "/week" };
            var apis = new[] { $"/api/people/{session.Rep}/scorecard", "/api/kpis", "/api/leaderboards", "/api/people" };
            WarmUp(baseUri, session, pages, apis).GetAwaiter().GetResult();

            Console.Error.WriteLine($"fixed rate: {pages.Length + apis.Length} × {Workers * PerWorkerRate} req/s for {warmSeconds} s (warm-up) + {seconds} s (measured)");
            var fixedRate = FixedRate(baseUri, session, pages, apis, warmSeconds, seconds, work);
            Console.Error.WriteLine($"saturation: wrk -t2 -c32 -d{saturationSeconds}s on the API reads, then on the bare endpoint");
            var script = WriteWrkScript(work, apis, session.Token);
            var api = Wrk(baseUri, script, saturationSeconds);
            app.Kill(entireProcessTree: true);
            app.WaitForExit();
            var ceiling = Ceiling(saturationSeconds);

            var all = fixedRate.Pages.Concat(fixedRate.Apis).ToArray();
            var errors = fixedRate.Errors + api.Errors;
            var ratio = api.RequestsPerSecond / ceiling.RequestsPerSecond;
            var p99 = Percentile(all, 0.99);
            var result = new
            {
                scenario = "web",
                demo = "large",
                fixed_rate = (pages.Length + apis.Length) * Workers * PerWorkerRate,
                warmup_seconds = warmSeconds,
                warmup_p99_ms = Math.Round(Percentile(fixedRate.Warm, 0.99), 1),
                seconds,
                requests = all.Length,
                achieved_rps = Math.Round(all.Length / (double)seconds, 1),
                errors_fixed = fixedRate.Errors,
                p50_ms = Math.Round(Percentile(all, 0.50), 1),
                p95_ms = Math.Round(Percentile(all, 0.95), 1),
                p99_ms = Math.Round(p99, 1),
                page_p99_ms = Math.Round(Percentile(fixedRate.Pages, 0.99), 1),
                api_p99_ms = Math.Round(Percentile(fixedRate.Apis, 0.99), 1),
                slowest = fixedRate.Slowest,
                api_rps = Math.Round(api.RequestsPerSecond, 0),
                api_errors = api.Errors,
                ceiling_rps = Math.Round(ceiling.RequestsPerSecond, 0),
                ratio_of_ceiling = Math.Round(ratio, 3),
                goals_met = p99 < 100 && errors == 0 && ratio >= 0.10,
                load = File.ReadAllText("/proc/loadavg").Split(' ')[0],
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The ceiling: Kestrel answering a constant on <c>/</c>, nothing else in the pipeline.</summary>
    internal static int CeilingServer(BenchOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.OutputPath ?? throw new InvalidOperationException("--out URL is required."));
        var server = builder.Build();
        server.MapGet("/", () => "ok");
        server.Run();
        return 0;
    }

    private sealed record Session(string Cookie, string Token, Guid Rep);

    /// <summary>Response times of the measured window (pages, API reads) and of the warm-up window before it.</summary>
    private sealed record FixedRun(double[] Pages, double[] Apis, double[] Warm, int Errors, string Slowest);

    private sealed record WrkRun(double RequestsPerSecond, long Errors);

    /// <summary>
    /// The fixed rate, run for the warm-up plus the measured seconds without a pause between them: a request that
    /// <c>hey</c> started (its <c>offset</c>) before the warm-up ended counts in the warm-up window, every later one in the
    /// measured window. Errors count in both.
    /// </summary>
    private static FixedRun FixedRate(Uri baseUri, Session session, string[] pages, string[] apis, int warmSeconds, int seconds, string work)
    {
        var perProcess = Workers * PerWorkerRate * (warmSeconds + seconds);
        var runs = pages.Select(p => (Path: p, Api: false)).Concat(apis.Select(a => (Path: a, Api: true)))
            .Select((target, i) =>
            {
                var start = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[]
                {
                    "-n", perProcess.ToString(CultureInfo.InvariantCulture), "-c", Workers.ToString(CultureInfo.InvariantCulture),
                    "-q", PerWorkerRate.ToString(CultureInfo.InvariantCulture), "-t", "10", "-disable-redirects", "-o", "csv",
                    "-H", target.Api ? $"Authorization: Bearer {session.Token}" : $"Cookie: {session.Cookie}",
                    new Uri(baseUri, target.Path).ToString(),
                })
                {
                    start.ArgumentList.Add(a);
                }

                var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start hey.");
                var output = process.StandardOutput.ReadToEndAsync();
                return (target, process, output);
            })
            .ToList();

        var pageTimes = new List<double>();
        var apiTimes = new List<double>();
        var warmTimes = new List<double>();
        var errors = 0;
        var slowest = new List<(string Path, double P99)>();
        foreach (var (target, process, output) in runs)
        {
            process.WaitForExit();
            var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            File.WriteAllLines(Path.Combine(work, "hey-" + Regex.Replace(target.Path, "[^a-z0-9]+", "_") + ".csv"), lines);
            var times = new List<double>();
            foreach (var line in lines)
            {
                var cells = line.Split(',');
                var status = int.Parse(cells[6], CultureInfo.InvariantCulture);
                if (status is < 200 or > 299) errors++;
                var milliseconds = double.Parse(cells[0], CultureInfo.InvariantCulture) * 1000;
                var offset = double.Parse(cells[7], CultureInfo.InvariantCulture);
                (offset < warmSeconds ? warmTimes : times).Add(milliseconds);
            }

            // hey leaves failed requests (timeouts, refused connections) out of its rows: count them as errors.
            errors += perProcess - lines.Count;
            (target.Api ? apiTimes : pageTimes).AddRange(times);
            var p99 = Percentile([.. times], 0.99);
            slowest.Add((target.Path, p99));
            Console.Error.WriteLine($"  {target.Path}: {times.Count} answers measured, p50 {Percentile([.. times], 0.5):0.0} ms, p99 {p99:0.0} ms");
        }

        var worst = slowest.OrderByDescending(s => s.P99).First();
        return new FixedRun([.. pageTimes], [.. apiTimes], [.. warmTimes], errors, $"{worst.Path.Replace(session.Rep.ToString(), "{rep}", StringComparison.Ordinal)} p99 {worst.P99:0.0} ms");
    }

    private static string WriteWrkScript(string work, string[] paths, string token)
    {
        var script = Path.Combine(work, "api-reads.lua");
        var list = string.Join(", ", paths.Select(p => $"\"{p}\""));
        File.WriteAllText(script, $$"""
            local paths = { {{list}} }
            local i = 0
            request = function()
              i = i % #paths + 1
              return wrk.format("GET", paths[i], { ["Authorization"] = "Bearer {{token}}" })
            end
            """);
        return script;
    }

    private static WrkRun Wrk(Uri target, string? script, int seconds)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", "-c32", $"-d{seconds}s", "--timeout", "10s" }) start.ArgumentList.Add(a);
        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(target.ToString());
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Error.WriteLine(output.TrimEnd());
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccess().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkRun(rps, non2xx + socket);
    }

    private static WrkRun Ceiling(int seconds)
    {
        var port = BenchProcesses.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(WebScenario).Assembly.Location);
        foreach (var a in new[] { "web", "--role", "ceiling", "--out", url }) start.ArgumentList.Add(a);
        // The app runs with server garbage collection (the web SDK's default); so does its ceiling.
        start.Environment["DOTNET_gcServer"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the ceiling.");
        try
        {
            WaitReady(new Uri(url), TimeSpan.FromSeconds(60), "/");
            Wrk(new Uri(url), null, Math.Max(1, seconds / 10));
            return Wrk(new Uri(url), null, seconds);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static async Task<Session> SignIn(Uri baseUri)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUri };
        var form = await client.GetStringAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        using var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["_handler"] = "login",
            ["Input.Email"] = Manager,
            ["Input.Password"] = Password,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {Manager} answered {(int)signIn.StatusCode}.");
        var csrf = await client.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        client.DefaultRequestHeaders.Add(csrf.GetProperty("headerName").GetString()!, csrf.GetProperty("token").GetString());
        using var created = await client.PostAsJsonAsync("/api/tokens", new { name = "web benchmark", scope = 0, expiresInDays = 1 });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        // A rep whose scorecard the manager may read: the first of the directory that answers 200.
        var people = await client.GetFromJsonAsync<JsonElement>("/api/people");
        foreach (var person in people.GetProperty("items").EnumerateArray())
        {
            var id = person.GetProperty("id").GetGuid();
            using var scorecard = await client.GetAsync($"/api/people/{id}/scorecard");
            if (scorecard.IsSuccessStatusCode)
            {
                return new Session(cookies.GetCookieHeader(baseUri), token, id);
            }
        }

        throw new InvalidOperationException($"{Manager} can read no scorecard on the first page of the directory.");
    }

    private static async Task WarmUp(Uri baseUri, Session session, string[] pages, string[] apis)
    {
        using var client = new HttpClient { BaseAddress = baseUri };
        for (var round = 0; round < 20; round++)
        {
            foreach (var (path, api) in pages.Select(p => (p, false)).Concat(apis.Select(a => (a, true))))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation(api ? "Authorization" : "Cookie", api ? $"Bearer {session.Token}" : session.Cookie);
                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Warm-up: {path} answered {(int)response.StatusCode}.");
            }
        }
    }

    private static string LargeDemo(string cli, string work, int seed)
    {
        var data = Path.Combine(work, $"large-{seed}");
        var ready = Path.Combine(data, "ready");
        if (File.Exists(ready))
        {
            Console.Error.WriteLine($"large demo: reusing {data} (delete it to generate again)");
            return data;
        }

        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        Directory.CreateDirectory(data);
        var started = Stopwatch.GetTimestamp();
        BenchProcesses.Run(Path.Combine(cli, "salesmentor"), cli, new Dictionary<string, string> { ["DataFolder"] = data },
            "demo", "--size", "large", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--as-of", "2026-11-01");
        File.WriteAllText(ready, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        Console.Error.WriteLine($"large demo generated in {Stopwatch.GetElapsedTime(started).TotalMinutes:0.0} min");
        return data;
    }

    private static Process StartApp(string web, string data, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(web, "SalesMentor.Web.dll"));
        start.Environment["DataFolder"] = data;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        // Drain the app's logs so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitReady(Uri baseUri, TimeSpan timeout, string path = "/health/ready")
    {
        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = client.GetAsync(path).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException($"{new Uri(baseUri, path)} was not ready within {timeout.TotalSeconds:0} s.");
    }

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
