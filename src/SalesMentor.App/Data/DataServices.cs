using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SalesMentor.App.Data;

public static class DataServices
{
    /// <summary>
    /// Registers <see cref="SalesMentorDb"/> on the configured provider. The configuration is read
    /// when the first context is made, not now, so a host (or a test host) may add sources late.
    /// </summary>
    public static IServiceCollection AddSalesMentorDb(this IServiceCollection services)
    {
        services.AddSingleton<ChangeCounterReader>();
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<DatabaseOptions>();
            if (options.Provider == DatabaseProvider.Postgres)
            {
                return ConfigurePostgres(new DbContextOptionsBuilder<PostgresSalesMentorDb>(), options.ConnectionString).UseApplicationServiceProvider(sp).Options;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFile!)!);
            return ConfigureSqlite(new DbContextOptionsBuilder<SqliteSalesMentorDb>(), options.ConnectionString).UseApplicationServiceProvider(sp).Options;
        });
        // Contexts come from a pool: a request's context keeps the internal services EF set up for an earlier one
        // (about a tenth of an API read's CPU otherwise); its state is reset when it goes back at the scope's end.
        services.AddSingleton<Func<SalesMentorDb>>(sp => sp.GetRequiredService<DbContextOptions>() switch
        {
            DbContextOptions<PostgresSalesMentorDb> postgres => new PooledDbContextFactory<PostgresSalesMentorDb>(postgres).CreateDbContext,
            DbContextOptions<SqliteSalesMentorDb> sqlite => new PooledDbContextFactory<SqliteSalesMentorDb>(sqlite).CreateDbContext,
            var other => throw new InvalidOperationException($"Unexpected options {other.GetType()}"),
        });
        services.AddScoped(sp => sp.GetRequiredService<Func<SalesMentorDb>>()());
        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(new SqlitePragmas(), new VersionInterceptor());

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(new VersionInterceptor());
}
