using System.Diagnostics;
using System.Net;
using System.Text.Json;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Audit;
using SalesMentor.App.Features.Outbox;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>The outbox (delivery status, never content) and the audit log (who did what, never content).</summary>
public class AdminEndpointsTests
{
    [Fact]
    public async Task Outbox_AfterMailWasSent_ShowsItsStatusButNeverItsContent()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using (var resetCall = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/reset-password", null)) Assert.Equal(HttpStatusCode.OK, resetCall.StatusCode);
        using (var disable = await admin.PostAsync($"/api/accounts/{world.RepB.Id}/disable", null)) Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var clock = Stopwatch.StartNew();
        OutboxSummary summary;
        while ((summary = (await admin.GetFromJsonAsync<OutboxSummary>("/api/outbox"))!).Sent < 2 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        Assert.Equal((0, 2, 0, 0), (summary.Pending, summary.Sent, summary.Logged, summary.Failed));
        Assert.Equal(2, summary.Messages.Total);
        var reset = Assert.Single(summary.Messages.Items, m => m.Category == "password-reset");
        Assert.Equal((world.RepA.Email, OutboxStatus.Sent, 1), (reset.ToAddress, reset.Status, reset.Attempts));
        Assert.NotNull(reset.SentAt);
        Assert.Single(summary.Messages.Items, m => m.Category == "account-notice" && m.ToAddress == world.RepB.Email);

        using var raw = JsonDocument.Parse(await admin.GetStringAsync("/api/outbox"));
        var fields = raw.RootElement.GetProperty("messages").GetProperty("items")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(fields, f => f.Contains("body", StringComparison.OrdinalIgnoreCase) || f.Contains("subject", StringComparison.OrdinalIgnoreCase));

        var sentOnly = (await admin.GetFromJsonAsync<OutboxSummary>($"/api/outbox?status={(int)OutboxStatus.Failed}"))!;
        Assert.Empty(sentOnly.Messages.Items);
        Assert.Equal(2, sentOnly.Sent);
        Assert.Single((await admin.GetFromJsonAsync<OutboxSummary>("/api/outbox?pageSize=1"))!.Messages.Items);
    }

    [Fact]
    public async Task Audit_AfterAdminActions_ListsThemNewestFirstAndFiltersByAction()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        await TestHttp.SetVisibilityAsync(admin, SalesDataVisibility.OwnAndManagementChain);
        using (var reset = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/reset-password", null)) Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using (var grant = await admin.PostAsync($"/api/accounts/{world.Star.Id}/admin", null)) Assert.Equal(HttpStatusCode.OK, grant.StatusCode);

        var all = (await admin.GetFromJsonAsync<Paged<AuditRow>>("/api/audit"))!;
        Assert.Equal(["account.grant_admin", "account.reset_password", "settings.update"], all.Items.Select(a => a.Action));
        Assert.Equal(all.Items.Select(a => a.Id).OrderDescending(), all.Items.Select(a => a.Id));
        Assert.All(all.Items, a => Assert.Equal(("user", world.Admin.Name), (a.ActorKind, a.ActorName)));
        Assert.Equal("visibility=OwnAndManagementChain", all.Items[^1].Detail);

        var accounts = (await admin.GetFromJsonAsync<Paged<AuditRow>>("/api/audit?action=account."))!;
        Assert.Equal(2, accounts.Total);
        Assert.Equal(world.Star.Id.ToString(), accounts.Items[0].ResourceId);
        Assert.Empty((await admin.GetFromJsonAsync<Paged<AuditRow>>("/api/audit?action=nothing.like.this"))!.Items);
    }
}
