using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesMentor.App;
using SalesMentor.App.Data;

namespace SalesMentor.App.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// A fresh, migrated database of its own for one test. SQLite: a file under /dev/shm (WAL needs a
/// file) copied from a migrated template. PostgreSQL: a database cloned from a migrated template
/// on the throwaway server that ./test.sh starts (SALESMENTOR_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    private TestDatabase(Provider provider, string connectionString, string folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public Provider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A scratch folder of this test (its data folder: staged uploads, key files).</summary>
    public string Folder { get; }

    public string? SqliteFile => Provider == Provider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>Configuration keys that point the app at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:SalesMentor"] = ConnectionString,
        ["DataFolder"] = Folder,
    };

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        var folder = Path.Combine(ShmRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == Provider.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var file = Path.Combine(folder, "salesmentor.db");
            File.Copy(template, file);
            return new TestDatabase(provider, $"Data Source={file}", folder, null);
        }

        var templateName = await PostgresTemplateAsync();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {templateName}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString(), folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>The server ./test.sh started; without it the PostgreSQL half of the suite cannot run, and says so.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SALESMENTOR_TEST_PG")
        ?? throw new InvalidOperationException("SALESMENTOR_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    private static string ShmRoot
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SALESMENTOR_TEST_SHM");
            if (!string.IsNullOrEmpty(configured)) return configured;
            return Directory.Exists("/dev/shm") ? "/dev/shm/salesmentor-tests" : Path.Combine(Path.GetTempPath(), "salesmentor-tests");
        }
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is not null) return _sqliteTemplate;
            var folder = Path.Combine(ShmRoot, "template-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "template.db");
            await MigrateAsync(Provider.Sqlite, $"Data Source={file}", folder);
            SqliteConnection.ClearAllPools();
            // Fold the WAL into the main file so a plain copy carries the whole schema.
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync();
            }

            return _sqliteTemplate = file;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<string> PostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is not null) return _postgresTemplate;
            var name = "template_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(PostgresServer))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }

            var folder = Path.Combine(ShmRoot, name);
            Directory.CreateDirectory(folder);
            await MigrateAsync(Provider.Postgres, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString(), folder);
            NpgsqlConnection.ClearAllPools();
            return _postgresTemplate = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task MigrateAsync(Provider provider, string connectionString, string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:SalesMentor"] = connectionString,
            ["DataFolder"] = folder,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSalesMentorApp(configuration).BuildServiceProvider();
        await using (services)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
    }
}
