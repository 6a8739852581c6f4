using System.Net;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Audit;
using SalesMentor.App.Features.Settings;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

public class SettingsEndpointsTests
{
    [Fact]
    public async Task GetSettings_SignedIn_ReturnsTheDefaults()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        var settings = (await client.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!;
        Assert.Equal(("UTC", 1, "USD", SalesDataVisibility.Everyone), (settings.TimeZone, settings.FiscalYearStartMonth, settings.CorporateCurrency, settings.SalesDataVisibility));
        Assert.False(string.IsNullOrWhiteSpace(settings.Name));
    }

    [Fact]
    public async Task UpdateSettings_AsAdmin_SavesBumpsTheVersionAndAudits()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var before = (await admin.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!;
        var edit = new UpdateOrganizationSettingsRequest("Zoë's Sales Org 🚀", "Europe/Berlin", 4, " eur ", SalesDataVisibility.OwnAndManagementChain, before.Version);
        using var response = await admin.PutAsJsonAsync("/api/settings", edit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var after = (await admin.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!;
        Assert.Equal(("Zoë's Sales Org 🚀", "Europe/Berlin", 4, "EUR", SalesDataVisibility.OwnAndManagementChain, before.Version + 1),
            (after.Name, after.TimeZone, after.FiscalYearStartMonth, after.CorporateCurrency, after.SalesDataVisibility, after.Version));
        var audit = Assert.Single((await admin.GetFromJsonAsync<Paged<AuditRow>>("/api/audit?action=settings."))!.Items);
        Assert.Equal(("settings.update", world.Admin.Name), (audit.Action, audit.ActorName));
    }

    [Fact]
    public async Task UpdateSettings_InvalidValues_Are400WithTheirCodesAndChangeNothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var valid = TestHttp.UpdateOf((await admin.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!);
        var cases = new (string What, UpdateOrganizationSettingsRequest Edit, string Code)[]
        {
            ("empty name", valid with { Name = "   " }, "settings.name"),
            ("name of 201 characters", valid with { Name = new string('n', 201) }, "settings.name"),
            ("name with a NUL", valid with { Name = "Acme\0" }, "settings.name"),
            ("unknown time zone", valid with { TimeZone = "Mars/Olympus_Mons" }, "settings.time_zone"),
            ("month 13", valid with { FiscalYearStartMonth = 13 }, "settings.fiscal_year_start_month"),
            ("month 0", valid with { FiscalYearStartMonth = 0 }, "settings.fiscal_year_start_month"),
            ("currency EURO", valid with { CorporateCurrency = "EURO" }, "settings.currency"),
            ("currency €", valid with { CorporateCurrency = "€" }, "settings.currency"),
            ("visibility 7", valid with { SalesDataVisibility = (SalesDataVisibility)7 }, "settings.visibility"),
        };
        var before = TestHttp.Snapshot(await TestHttp.StoredSettingsAsync(host));
        foreach (var (what, edit, code) in cases)
        {
            using var response = await admin.PutAsJsonAsync("/api/settings", edit);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest && await TestHttp.ProblemCodeAsync(response) == code,
                $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(before, TestHttp.Snapshot(await TestHttp.StoredSettingsAsync(host)));
        }
    }

    [Fact]
    public async Task UpdateSettings_NonAdmin_Is403AndChangesNothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var vp = await host.SignedInClientAsync(world.Vp.Email!);
        var edit = TestHttp.UpdateOf((await vp.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!) with { Name = "Taken over" };
        var before = TestHttp.Snapshot(await TestHttp.StoredSettingsAsync(host));
        using var response = await vp.PutAsJsonAsync("/api/settings", edit);
        Assert.Equal("settings.admin_only", await TestHttp.AssertProblemAsync(response, HttpStatusCode.Forbidden));
        Assert.Equal(before, TestHttp.Snapshot(await TestHttp.StoredSettingsAsync(host)));
    }
}
