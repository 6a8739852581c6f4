using Microsoft.Extensions.Configuration;

namespace SalesMentor.App.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. Both hosts (web and command line) read the same keys, so by default they
/// share one SQLite file under the data folder.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string ConnectionStringName = "SalesMentor";

    /// <summary>True when running on the zero-set-up default: SQLite at the default path.</summary>
    public bool IsDefaultSqlite { get; init; }

    /// <summary>The SQLite file, when the provider is SQLite.</summary>
    public string? SqliteFile { get; init; }

    public static DatabaseOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataFolder = DataFolderOf(configuration);
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider is '{providerText}'; use 'Sqlite' or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:SalesMentor is empty. " +
                    "Set it, e.g. ConnectionStrings__SalesMentor='Host=localhost;Database=salesmentor;Username=salesmentor;Password=…'.");
            }

            return new DatabaseOptions(provider, connectionString, dataFolder);
        }

        var isDefault = string.IsNullOrWhiteSpace(connectionString);
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            isDefault ? $"Data Source={Path.Combine(dataFolder, "salesmentor.db")}" : connectionString)
        {
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new DatabaseOptions(provider, builder.ToString(), dataFolder)
        {
            IsDefaultSqlite = isDefault,
            SqliteFile = Path.GetFullPath(builder.DataSource),
        };
    }

    /// <summary>
    /// <c>DataFolder</c> from configuration, else the user's local application data folder
    /// (<c>~/.local/share/SalesMentor</c> on Linux).
    /// </summary>
    public static string DataFolderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["DataFolder"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "SalesMentor");
    }
}
