using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Settings;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Settings;

public class OrganizationSettingsTests
{
    private static UpdateOrganizationSettingsRequest Valid(int version) =>
        new("Acme Sales EMEA", "Europe/Berlin", 4, "eur", SalesDataVisibility.OwnAndManagementChain, version);

    [Theory, BothProviders]
    public async Task Update_ByAdmin_IsStoredAndAudited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var current = await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default));

        var updated = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.AdminActor, Valid(current.Value.Version), default));

        Assert.True(updated.IsSuccess, updated.Error?.Message);
        var stored = await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default));
        Assert.Equal(("Acme Sales EMEA", "Europe/Berlin", 4, "EUR", SalesDataVisibility.OwnAndManagementChain),
            (stored.Value.Name, stored.Value.TimeZone, stored.Value.FiscalYearStartMonth, stored.Value.CorporateCurrency, stored.Value.SalesDataVisibility));
        Assert.Equal(current.Value.Version + 1, stored.Value.Version);
        await using var scope = app.Scope();
        Assert.True(await scope.Db.AuditEvents.AnyAsync(a => a.Action == "settings.update"));
    }

    [Theory, BothProviders]
    public async Task Update_WithStaleVersion_IsAConflictAndKeepsTheWinner(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var version = (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value.Version;
        var first = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.AdminActor, Valid(version), default));
        var second = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.AdminActor, Valid(version) with { Name = "Loser" }, default));
        Assert.True(first.IsSuccess);
        Assert.Equal("concurrency.conflict", second.Error?.Code);
        Assert.Equal("Acme Sales EMEA", (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value.Name);
    }

    [Theory]
    [InlineData("", "UTC", 1, "USD", "settings.name")]
    [InlineData("Acme", "Mars/Olympus_Mons", 1, "USD", "settings.time_zone")]
    [InlineData("Acme", "UTC", 13, "USD", "settings.fiscal_year_start_month")]
    [InlineData("Acme", "UTC", 0, "USD", "settings.fiscal_year_start_month")]
    [InlineData("Acme", "UTC", 1, "US", "settings.currency")]
    [InlineData("Acme", "UTC", 1, "€€€", "settings.currency")]
    public async Task Update_BadInput_IsRefusedAndNothingChanges(string name, string zone, int month, string currency, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var before = (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value;
        var result = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.AdminActor,
            new UpdateOrganizationSettingsRequest(name, zone, month, currency, SalesDataVisibility.Everyone, before.Version), default));
        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(before, (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value);
    }

    [Fact]
    public async Task Update_ByNonAdmin_IsForbidden()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var result = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.As(world.Vp), Valid(0), default));
        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }

    [Fact]
    public async Task Update_NaughtyNames_RoundTripOrGetAClearError()
    {
        await using var app = await TestApp.StartAsync(Provider.Postgres);
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames))
        {
            var before = (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value;
            var result = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.AdminActor, Valid(before.Version) with { Name = text }, default));
            var after = (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value;
            if (result.IsSuccess) Assert.Equal(text.Trim(), after.Name);
            else Assert.Equal(before, after);
        }
    }
}
