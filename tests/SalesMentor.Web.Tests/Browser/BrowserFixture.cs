using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Demo;
using SalesMentor.Core.Demo;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for all browser tests (launching it is the slow part); each test
/// gets contexts of its own (cookies, storage), so tests never share a session.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Playwright's auto-waiting assertions and actions give up after this long.</summary>
    public const float TimeoutMs = 15_000;

    private readonly Lazy<Task<string>> _demoTemplate = new(CreateDemoTemplateAsync);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Debian's Chromium; SALESMENTOR_CHROMIUM points elsewhere.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SALESMENTOR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}: install Debian's 'chromium' package (./test.sh does it as root) or set SALESMENTOR_CHROMIUM.");
        }

        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>The folder for the browser tests' own database files.</summary>
    public static string DataRoot => Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "salesmentor-browser-tests");

    /// <summary>
    /// A SQLite file holding the small demo organization (seed 1, as of 2026-11-26), generated once
    /// for all browser tests; each test that needs it works on a copy of its own.
    /// </summary>
    public Task<string> DemoDatabaseTemplateAsync() => _demoTemplate.Value;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_demoTemplate.IsValueCreated && _demoTemplate.Value.IsCompletedSuccessfully)
        {
            try { Directory.Delete(Path.GetDirectoryName(await _demoTemplate.Value)!, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task<string> CreateDemoTemplateAsync()
    {
        var folder = Path.Combine(DataRoot, "demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "demo.db");
        await using var host = await WebTestHost.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var seed = scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>();
            var result = await seed.HandleAsync(Actor.System, new SeedDemoRequest(DemoSize.Small, 1, new DateOnly(2026, 11, 26)), CancellationToken.None);
            if (!result.IsSuccess) throw new InvalidOperationException("Seeding the demo failed: " + result.Error!.Message);
        }

        // SQLite's online backup: a consistent copy that includes what is still in the WAL.
        using var source = new SqliteConnection(host.Database.ConnectionString + ";Pooling=False");
        using var target = new SqliteConnection($"Data Source={file};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return file;
    }
}

/// <summary>Browser tests run one after another on one Chromium: the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
