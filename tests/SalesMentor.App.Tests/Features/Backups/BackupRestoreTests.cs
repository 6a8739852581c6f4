using SalesMentor.App.Data;
using System.Formats.Tar;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Backup;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Backups;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Backups;

public class BackupRestoreTests
{
    private const string Passphrase = "a long backup passphrase";

    private static async Task<byte[]> BackupAsync(TestApp app, string passphrase = Passphrase)
    {
        using var output = new MemoryStream();
        var result = await app.InScopeAsync(s => s.Get<CreateBackup>().HandleAsync(Actor.CommandLine, new CreateBackupRequest(output, passphrase), default));
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(output.Length, result.Value.Bytes);
        return output.ToArray();
    }

    private static Task<Result<RestoreSummary>> RestoreAsync(TestApp app, byte[] archive, string passphrase = Passphrase) =>
        app.InScopeAsync(s => s.Get<RestoreBackup>().HandleAsync(Actor.CommandLine, new RestoreBackupRequest(new MemoryStream(archive), passphrase), default));

    private static Task<List<string>> NamesAsync(TestApp app) =>
        app.InScopeAsync(s => s.Db.People.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());

    [Theory, BothProviders]
    public async Task Backup_RestoredIntoAFreshPlace_HasTheSameDataAndKeys(Provider provider)
    {
        await using var source = await TestApp.StartAsync(provider);
        await TestWorld.CreateAsync(source.Services, source.Clock.GetUtcNow().UtcDateTime);
        var secret = await source.InScopeAsync(s => Task.FromResult(s.Get<IDataProtectionProvider>().CreateProtector("test").Protect("sign-in cookie")));
        var record = Guid.CreateVersion7();
        var concern = await source.InScopeAsync(s => Task.FromResult(s.Get<ConfidentialCipher>().Seal("CANARY-backup concern", record, "concern.text")));
        var archive = await BackupAsync(source);

        await using var target = await TestApp.StartAsync(provider);
        var restored = await RestoreAsync(target, archive);

        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.Equal(await NamesAsync(source), await NamesAsync(target));
        Assert.Equal(12, await target.InScopeAsync(s => s.Db.Opportunities.CountAsync()));
        // The Data Protection keys travel in the database: what was protected before still opens.
        Assert.Equal("sign-in cookie", await target.InScopeAsync(s => Task.FromResult(s.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret))));
        // The confidential-space key travels in the archive: text sealed before still opens, and the key file is owner-only.
        Assert.Equal("CANARY-backup concern", await target.InScopeAsync(s => Task.FromResult(s.Get<ConfidentialCipher>().Open(concern, record, "concern.text"))));
        var keyFile = await target.InScopeAsync(s => Task.FromResult(s.Get<ConfidentialCipher>().KeyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.DoesNotContain("CANARY-", System.Text.Encoding.UTF8.GetString(archive), StringComparison.Ordinal);
    }

    private static Task<Dictionary<string, long>> CountersAsync(TestApp app) =>
        app.InScopeAsync(async s =>
        {
            var reader = s.Get<ChangeCounterReader>();
            var names = new[] { ChangeCounters.People, ChangeCounters.KpiSettings, ChangeCounters.Tokens, ChangeCounters.OrgUnits, ChangeCounters.Directory };
            var result = new Dictionary<string, long>();
            foreach (var name in names) result[name] = await reader.ReadAsync(s.Db, name, default);
            return result;
        });

    [Theory, BothProviders]
    public async Task Restore_RollsBackChangesMadeAfterTheBackup(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var before = await NamesAsync(app);
        var archive = await BackupAsync(app);
        await app.SeedAsync(db =>
        {
            var late = new Person { Name = "Late Arrival" };
            late.RefreshKeys();
            db.People.Add(late);
        });

        var counters = await CountersAsync(app);
        Assert.Contains(ChangeCounters.People, counters.Keys);

        var restored = await RestoreAsync(app, archive);

        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.Equal(before, await NamesAsync(app));
        // The caches' counters went back with the data; they are raised past what any instance saw before the restore.
        var after = await CountersAsync(app);
        Assert.All(counters, c => Assert.True(after[c.Key] > c.Value, $"{c.Key}: {after[c.Key]} after, {c.Value} before"));
        if (provider == Provider.Sqlite) Assert.True(File.Exists(restored.Value.PreviousDatabaseKeptAt), "the replaced SQLite file is kept");
        Assert.NotNull(world);
    }

    [Fact]
    public async Task Backup_WhileWritesGoOn_HoldsEveryWriteAcknowledgedBeforeItStarted()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<(string Name, DateTime At)>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"writer-{i:D5}";
                await app.SeedAsync(db =>
                {
                    var person = new Person { Name = name };
                    person.RefreshKeys();
                    db.People.Add(person);
                });
                acknowledged.Enqueue((name, DateTime.UtcNow));
            }
        });
        while (acknowledged.Count < 30) await Task.Delay(10);
        var started = DateTime.UtcNow;
        var archive = await BackupAsync(app);
        await stop.CancelAsync();
        await writer;

        await using var target = await TestApp.StartAsync(Provider.Sqlite);
        Assert.True((await RestoreAsync(target, archive)).IsSuccess);
        var restored = (await NamesAsync(target)).ToHashSet();
        var mustBeThere = acknowledged.Where(w => w.At < started).Select(w => w.Name).ToList();
        Assert.True(mustBeThere.Count >= 30);
        Assert.All(mustBeThere, name => Assert.Contains(name, restored));
    }

    [Fact]
    public async Task Restore_WrongPassphrase_IsRefusedAndTouchesNothing()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var archive = await BackupAsync(app);
        await using var target = await TestApp.StartAsync(Provider.Sqlite);
        var before = await NamesAsync(target);

        var result = await RestoreAsync(target, archive, "not the passphrase!");

        Assert.Equal("restore.unreadable", result.Error?.Code);
        Assert.Contains("passphrase", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await NamesAsync(target));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public async Task Restore_DamagedArchive_IsRefusedAndTouchesNothing(string damage)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var archive = await BackupAsync(app);
        var damaged = damage switch
        {
            "flip" => archive.Select((b, i) => i == archive.Length / 2 ? (byte)(b ^ 0x40) : b).ToArray(),
            "truncate" => archive[..(archive.Length - 100)],
            _ => "this is not a backup at all"u8.ToArray(),
        };
        await using var target = await TestApp.StartAsync(Provider.Sqlite);
        var before = await NamesAsync(target);

        var result = await RestoreAsync(target, damaged);

        Assert.Equal("restore.unreadable", result.Error?.Code);
        Assert.Equal(before, await NamesAsync(target));
    }

    [Fact]
    public async Task Restore_BackupFromANewerVersion_IsRefused()
    {
        await using var target = await TestApp.StartAsync(Provider.Sqlite);
        using var archive = new MemoryStream();
        await using (var sealedStream = new SealedWriteStream(archive, Passphrase))
        {
            await using (var tar = new TarWriter(sealedStream, TarEntryFormat.Pax, leaveOpen: true))
            {
                var manifest = new BackupManifest(1, "Sqlite", DateTime.UtcNow, ["20261126000000_Initial", "29990101000000_FromTheFuture"], [BackupManifest.SqliteEntry]);
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(manifest.ToJson()) });
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.SqliteEntry) { DataStream = new MemoryStream([1, 2, 3]) });
            }

            sealedStream.Finish();
        }

        var result = await RestoreAsync(target, archive.ToArray());

        Assert.Equal("restore.newer_schema", result.Error?.Code);
    }

    [Fact]
    public async Task Restore_OtherProvidersBackup_IsRefused()
    {
        await using var source = await TestApp.StartAsync(Provider.Postgres);
        var archive = await BackupAsync(source);
        await using var target = await TestApp.StartAsync(Provider.Sqlite);
        Assert.Equal("restore.provider", (await RestoreAsync(target, archive)).Error?.Code);
    }

    [Fact]
    public async Task Backup_ShortPassphraseOrNonAdmin_IsRefused()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var shortOne = await app.InScopeAsync(s => s.Get<CreateBackup>().HandleAsync(Actor.CommandLine, new CreateBackupRequest(new MemoryStream(), "short"), default));
        var rep = await app.InScopeAsync(s => s.Get<CreateBackup>().HandleAsync(TestApp.As(world.RepA), new CreateBackupRequest(new MemoryStream(), Passphrase), default));
        Assert.Equal("backup.passphrase", shortOne.Error?.Code);
        Assert.Equal(ErrorKind.Forbidden, rep.Error?.Kind);
    }
}
