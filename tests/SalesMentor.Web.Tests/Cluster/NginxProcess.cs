using System.Diagnostics;
using System.Net;

namespace SalesMentor.Web.Tests.Cluster;

/// <summary>
/// Debian's nginx as a real process on a loopback port, configured with the files operators use
/// (<c>deploy/nginx/salesmentor-upstreams.conf</c> and <c>salesmentor-locations.conf</c>), only the instances'
/// addresses replaced. ./test.sh installs nginx; without it the test fails and says how to install it.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private NginxProcess(Process process, DirectoryInfo folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public string AccessLog => Path.Combine(_folder.FullName, "access.log");

    private static readonly string[] DebianBinary = ["/usr/sbin/nginx"];

    public static string Binary =>
        DebianBinary.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, "nginx")))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "nginx is not installed, and the two-instance test runs the app behind Debian's nginx. ./test.sh installs it " +
            "(Debian package nginx-light); by hand: sudo apt-get install -y nginx-light");

    public static async Task<NginxProcess> StartAsync(Uri first, Uri second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var binary = Binary;
        var deploy = Path.Combine(RepositoryRoot(), "deploy", "nginx");
        var upstreams = await File.ReadAllTextAsync(Path.Combine(deploy, "salesmentor-upstreams.conf"));
        if (!upstreams.Contains("127.0.0.1:5001", StringComparison.Ordinal) || !upstreams.Contains("127.0.0.1:5002", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("deploy/nginx/salesmentor-upstreams.conf no longer lists the instances 127.0.0.1:5001 and 127.0.0.1:5002 the test replaces.");
        }

        upstreams = upstreams.Replace("127.0.0.1:5001", $"127.0.0.1:{first.Port}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", $"127.0.0.1:{second.Port}", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("salesmentor-nginx-");
        // nginx's workers run as nobody when the tests run as root: they must reach their temporary folders.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101);
        var dir = folder.FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "salesmentor-upstreams.conf"), upstreams);
        File.Copy(Path.Combine(deploy, "salesmentor-locations.conf"), Path.Combine(dir, "salesmentor-locations.conf"));
        var port = Infrastructure.TestSmtpServer.FreePort();
        var config = $$"""
            daemon off;
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 512; }
            http {
                log_format upstream '$request_method $uri $status $upstream_addr';
                access_log {{dir}}/access.log upstream;
                client_body_temp_path {{dir}}/body; proxy_temp_path {{dir}}/proxy; fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi; scgi_temp_path {{dir}}/scgi;
                include {{dir}}/salesmentor-upstreams.conf;
                server {
                    listen 127.0.0.1:{{port}};
                    server_name localhost;
                    include {{dir}}/salesmentor-locations.conf;
                }
            }
            """;
        var conf = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(conf, config);

        var (exit, output) = await RunAsync(binary, "-t", "-p", dir, "-c", conf, "-e", Path.Combine(dir, "error.log"));
        if (exit != 0) throw new InvalidOperationException("nginx refuses the configuration:\n" + output + "\n" + config);

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", dir, "-c", conf, "-e", Path.Combine(dir, "error.log") }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var nginx = new NginxProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 300 && !process.HasExited; i++)
        {
            try
            {
                using var response = await client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) return nginx;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(100);
        }

        var log = File.Exists(Path.Combine(dir, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(dir, "error.log")) : "";
        await nginx.DisposeAsync();
        throw new InvalidOperationException("nginx did not start answering:\n" + log);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string binary, params string[] arguments)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SalesMentor.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (SalesMentor.slnx) above " + AppContext.BaseDirectory);
    }
}
