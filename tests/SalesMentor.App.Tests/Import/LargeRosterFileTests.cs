using System.Globalization;
using System.Text;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesMentor.App.Tests.Import;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// A 50 MB roster file (1,000 people with a 53 KB notes column each) through a forward-only stream.
/// Runs alone, so the managed heap it measures is its own.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public class LargeRosterFileTests(ITestOutputHelper output)
{
    private const long FileBytes = 50L * 1024 * 1024;
    private const int People = 1_000;

    [Fact]
    public async Task Import_FiftyMegabyteFile_StreamsWithLiveMemoryFarBelowTheFileSize()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var path = Path.Combine(app.Database.Folder, "big-roster.csv");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var size = WriteFile(path);
        output.WriteLine($"wrote {size:N0} bytes in {watch.ElapsedMilliseconds} ms");
        Assert.True(size >= FileBytes, $"The file has {size} bytes.");
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var checkpoints = new LiveMemory(baseline);
        watch.Restart();

        await using var stream = new NonSeekableStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan), 64 * 1024);
        var run = (await app.InScopeAsync(s => s.Get<ImportRoster>().HandleAsync(TestApp.AdminActor, new ImportRosterRequest(stream, "big-roster.csv"), default, checkpoints))).Value;

        output.WriteLine($"imported in {watch.ElapsedMilliseconds} ms (with {checkpoints.Count} full collections); peak live growth {checkpoints.Peak:N0} bytes");
        Assert.Equal((ImportStatus.Completed, People, People, size), (run.Status, run.Rows, run.Added, run.FileSize));
        Assert.True(checkpoints.Count >= 9, $"Only {checkpoints.Count} checkpoints were taken.");
        // The file as text would take over 100 MB (UTF-16); the rows' values take well under 1 MB.
        Assert.True(checkpoints.Peak < 25L * 1024 * 1024, $"Live managed memory grew by {checkpoints.Peak / 1024 / 1024} MB while reading a {size / 1024 / 1024} MB file.");
    }

    // Every 5 MB read, a full collection and the live heap's growth over the baseline.
    private sealed class LiveMemory(long baseline) : IProgress<long>
    {
        private long _next = 5L * 1024 * 1024;

        public long Peak { get; private set; }

        public int Count { get; private set; }

        public void Report(long value)
        {
            if (value < _next) return;
            _next += 5L * 1024 * 1024;
            Count++;
            Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }
    }

    // Streams the file out line by line; the test never holds it either.
    private static long WriteFile(string path)
    {
        var notes = new string('n', 53_000);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("external_id,name,email,title,team,region,manager,hire_date,notes\r\n");
            for (var i = 0; i < People; i++)
            {
                var manager = i == 0 ? "" : "E" + ((i - 1) / 10).ToString(CultureInfo.InvariantCulture);
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"E{i},Person Number {i},person{i}@big.test,Account Executive,Team {i % 20},Region {i % 3},{manager},2020-01-{1 + (i % 28):00},\"{notes}\"\r\n"));
            }
        }

        return new FileInfo(path).Length;
    }
}
