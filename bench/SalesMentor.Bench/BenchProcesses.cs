using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SalesMentor.Bench;

/// <summary>Starting programs, publishing the app and finding a free port: what the <c>web</c> scenario does outside itself.</summary>
internal static class BenchProcesses
{
    internal static void Publish(string root, string project, string output)
    {
        var started = Stopwatch.GetTimestamp();
        Run("dotnet", root, new Dictionary<string, string>(), "publish", project, "-c", "Release", "-o", output, "-v", "q", "-nologo");
        Console.Error.WriteLine($"published {project} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
    }

    internal static void Run(string file, string directory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
    }

    internal static void RequireTool(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, name)));
        if (!found) throw new InvalidOperationException($"{name} is not installed: sudo apt-get install -y hey wrk");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesMentor.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Run the benchmark from the repository (SalesMentor.slnx not found above the current folder).");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
