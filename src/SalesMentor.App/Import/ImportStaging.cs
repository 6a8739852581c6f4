using Microsoft.Extensions.Configuration;
using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>
/// Uploaded files waiting to be imported live under <c>&lt;DataFolder&gt;/imports/</c>, named by the
/// run's id. The run stores the path relative to the data folder, so the folder may move.
/// </summary>
public static class ImportStaging
{
    public const int DefaultMaxUploadMegabytes = 250;

    /// <summary><c>Import:MaxUploadMegabytes</c> (default 250) in bytes: the largest file an upload may send.</summary>
    public static long MaxUploadBytes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var megabytes = configuration.GetValue("Import:MaxUploadMegabytes", DefaultMaxUploadMegabytes);
        return Math.Max(1, megabytes) * 1024L * 1024L;
    }

    /// <summary>The relative path a staged file of run <paramref name="id"/> gets.</summary>
    public static string RelativePathFor(Guid id) => Path.Combine("imports", id.ToString("N") + ".csv");

    /// <summary>The full path of a staged file; null when the stored path would leave the imports folder.</summary>
    public static string? FullPath(DatabaseOptions options, string? relative)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(relative)) return null;
        var folder = Path.GetFullPath(Path.Combine(options.DataFolder, "imports")) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(options.DataFolder, relative));
        return full.StartsWith(folder, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>
    /// Copies <paramref name="body"/> to <paramref name="path"/> in small blocks (never the whole
    /// file in memory). Returns the size, or null when the body is larger than <paramref name="maxBytes"/>
    /// (the partial file is deleted).
    /// </summary>
    public static async Task<long?> SaveAsync(Stream body, string path, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var buffer = new byte[81_920];
        long total = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes) break;
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch
        {
            Delete(path);
            throw;
        }

        if (total <= maxBytes) return total;
        Delete(path);
        return null;
    }

    public static void Delete(string? path)
    {
        if (path is null) return;
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The uploaded file's own name, without folders or control characters, at most 255 characters.</summary>
    public static string CleanFileName(string? name)
    {
        var clean = new string(Path.GetFileName((name ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) return "roster.csv";
        return Core.Text.TextFold.WellFormed(clean.Length <= 255 ? clean : clean[..255]);
    }
}
