using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Settings;

/// <summary>
/// The time zone and the sales data visibility are kept per instance (<see cref="OrgSettingsCache"/>); a change, even in
/// plain SQL, is seen by the next request (the <c>kpi-settings</c> counter), and a rolled-back one never sticks.
/// </summary>
public class OrgSettingsCacheTests
{
    private static Task<bool> RepASeesRepB(TestApp app, TestWorld world) =>
        app.InScopeAsync(s => s.Get<Access>().CanSeeSalesDataAsync(TestApp.As(world.RepA), world.RepB.Id, default));

    private static async Task EnsureSettingsRow(TestApp app)
    {
        if (!await app.InScopeAsync(s => s.Db.OrganizationSettings.AnyAsync())) await app.SeedAsync(db => db.OrganizationSettings.Add(new OrganizationSettings()));
    }

    [Theory, BothProviders]
    public async Task VisibilityChangedInSql_IsSeenByTheNextRequest(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        await EnsureSettingsRow(app);
        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "OrganizationSettings" SET "SalesDataVisibility" = 'Everyone'"""));
        Assert.True(await RepASeesRepB(app, world));

        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "OrganizationSettings" SET "SalesDataVisibility" = 'OwnAndManagementChain'"""));
        Assert.False(await RepASeesRepB(app, world));
        Assert.True(await app.InScopeAsync(s => s.Get<Access>().CanSeeSalesDataAsync(TestApp.As(world.SupervisorA), world.RepA.Id, default)));

        // Changed inside a transaction that rolls back: seen inside, never kept, even once another write brings the
        // counter to the number the rolled-back one had.
        await using (var scope = app.Scope())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            await scope.Db.Database.ExecuteSqlRawAsync("""UPDATE "OrganizationSettings" SET "SalesDataVisibility" = 'Everyone'""");
            Assert.True(await scope.Get<Access>().CanSeeSalesDataAsync(TestApp.As(world.RepA), world.RepB.Id, default));
            await transaction.RollbackAsync();
        }

        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "OrganizationSettings" SET "TimeZone" = 'UTC'"""));
        Assert.False(await RepASeesRepB(app, world));
    }

    [Theory, BothProviders]
    public async Task TimeZoneChangedInSql_MovesTodayAtOnce(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EnsureSettingsRow(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 15, 23, 30, 0, TimeSpan.Zero));
        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "OrganizationSettings" SET "TimeZone" = 'UTC'"""));
        Assert.Equal(new DateOnly(2026, 6, 15), await app.InScopeAsync(s => s.Get<OrgClock>().TodayAsync(default)));

        await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("""UPDATE "OrganizationSettings" SET "TimeZone" = 'Europe/Berlin'"""));
        Assert.Equal(new DateOnly(2026, 6, 16), await app.InScopeAsync(s => s.Get<OrgClock>().TodayAsync(default)));
    }
}
