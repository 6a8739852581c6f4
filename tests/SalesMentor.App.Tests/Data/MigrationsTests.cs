using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Data;

public class MigrationsTests
{
    /// <summary>A model change without a migration fails the suite: add one with dotnet ef (see docs/development.md).</summary>
    [Theory, BothProviders]
    public async Task Model_HasNoChangesWithoutMigration(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        Assert.False(scope.Db.Database.HasPendingModelChanges(), $"The {provider} model has changes with no migration.");
        Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_RunsInWalWithFullSync()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await using var scope = app.Scope();
        var connection = scope.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Theory, BothProviders]
    public async Task Initialize_IsIdempotent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope();
        await scope.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        Assert.Equal(1, await scope.Db.OrganizationSettings.CountAsync());
        Assert.Equal(1, await scope.Db.Roles.CountAsync());
        Assert.Equal((10, 6, 5), (await scope.Db.Skills.CountAsync(), await scope.Db.Behaviours.CountAsync(), await scope.Db.CompanyValues.CountAsync()));
    }
}
