using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Tests.Infrastructure;

/// <summary>
/// The App layer wired as the hosts wire it, on a database of the test's own, with a clock the
/// test controls. Each test builds one: <c>await using var app = await TestApp.StartAsync(provider);</c>
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestApp(TestDatabase database, ServiceProvider services, FakeTimeProvider clock, CapturingLoggerProvider logs)
    {
        Database = database;
        _services = services;
        Clock = clock;
        Logs = logs;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => _services;

    /// <summary>The default "now" of every test: a fixed instant, so dates in assertions are stable.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static async Task<TestApp> StartAsync(Provider provider, IDictionary<string, string?>? settings = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(provider), settings);

    /// <summary>The app on a database made before (the app owns it from now on and drops it at the end).</summary>
    public static async Task<TestApp> StartOnAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var values = database.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(DefaultNow);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSalesMentorApp(configuration)
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var app = new TestApp(database, services, clock, logs);
        await using var scope = app.Scope();
        await scope.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return app;
    }

    public TestScope Scope() => new(_services.CreateAsyncScope());

    /// <summary>Runs <paramref name="work"/> on a fresh unit of work, like one request.</summary>
    public async Task<T> InScopeAsync<T>(Func<TestScope, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scope();
        return await work(scope);
    }

    /// <summary>Adds records and saves them in one go.</summary>
    public async Task SeedAsync(Action<SalesMentorDb> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var scope = Scope();
        var db = scope.Get<SalesMentorDb>();
        seed(db);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Awaits <paramref name="seed"/> (a bulk update or delete, say) and then saves what it added. Without this overload
    /// a lambda returning a task would bind to the <see cref="Action{T}"/> one and its task would be dropped unawaited.
    /// </summary>
    public async Task SeedAsync(Func<SalesMentorDb, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var scope = Scope();
        var db = scope.Get<SalesMentorDb>();
        await seed(db);
        await db.SaveChangesAsync();
    }

    public static Actor AdminActor { get; } = Actor.User(Core.People.PersonId.New(), "Test Admin", isAdmin: true);

    public static Actor As(Person person, bool admin = false)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Actor.User(person.Id, person.Name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class TestScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public SalesMentorDb Db => Get<SalesMentorDb>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
