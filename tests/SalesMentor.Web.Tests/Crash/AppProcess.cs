using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace SalesMentor.Web.Tests.Crash;

/// <summary>
/// The Release build of the web app as a real process (<c>dotnet SalesMentor.Web.dll</c>), so a test
/// can <c>kill -9</c> it. Its standard output is kept line by line. ./test.sh builds the Release app;
/// elsewhere run <c>dotnet build src/SalesMentor.Web -c Release</c> first (or set SALESMENTOR_APP_DLL).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private AppProcess(Process process, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<string> Output => [.. _output];

    public static string AppDll
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SALESMENTOR_APP_DLL");
            if (!string.IsNullOrEmpty(configured)) return configured;
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SalesMentor.slnx"))) folder = folder.Parent;
            if (folder is null) throw new InvalidOperationException("Cannot find the repository root (SalesMentor.slnx) above " + AppContext.BaseDirectory);
            return Path.Combine(folder.FullName, "src", "SalesMentor.Web", "bin", "Release", "net10.0", "SalesMentor.Web.dll");
        }
    }

    /// <summary>Starts the app with these settings (configuration keys, <c>:</c> or <c>__</c>) and waits until /health answers.</summary>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string?> settings, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = AppDll;
        if (!File.Exists(dll)) throw new InvalidOperationException($"The Release build of the web app is missing ({dll}): run `dotnet build src/SalesMentor.Web -c Release` (./test.sh does).");
        var port = Infrastructure.TestSmtpServer.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--no-demo");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, output, address);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(90)))
        {
            if (process.HasExited) break;
            try
            {
                using var response = await client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(100);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"The app did not start (exited: {process.HasExited}). Its output:\n" + string.Join("\n", output.TakeLast(60)));
    }

    /// <summary><c>kill -9</c>: no shutdown, no flushing, nothing the app can do about it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
