using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SalesMentor.App.Data;

public static class DataServices
{
    /// <summary>Registers <see cref="SalesMentorDb"/> on the configured provider.</summary>
    public static IServiceCollection AddSalesMentorDb(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SalesMentorDb, PostgresSalesMentorDb>(builder => ConfigurePostgres(builder, options.ConnectionString));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFile!)!);
            services.AddDbContext<SalesMentorDb, SqliteSalesMentorDb>(builder => ConfigureSqlite(builder, options.ConnectionString));
        }

        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(new SqlitePragmas(), new VersionInterceptor());

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(new VersionInterceptor());
}
