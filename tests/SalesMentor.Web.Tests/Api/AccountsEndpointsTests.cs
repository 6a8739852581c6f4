using System.Net;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>The admin's account actions over HTTP: list, invite, reset, disable/enable, grant/revoke admin.</summary>
public class AccountsEndpointsTests
{
    [Fact]
    public async Task ListAccounts_AsAdmin_ShowsEachPersonsAccountState()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var noAccount = await TestHttp.AddPersonAsync(host, "Nora Noaccount", "nora@world.test");
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var rows = (await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?pageSize=100"))!.Items.ToDictionary(r => r.PersonId);
        Assert.Equal(10, rows.Count);
        Assert.Equal((AccountState.Active, true), (rows[world.Admin.Id].State, rows[world.Admin.Id].IsAdmin));
        Assert.Equal((AccountState.Active, false), (rows[world.RepA.Id].State, rows[world.RepA.Id].IsAdmin));
        Assert.Equal(AccountState.Disabled, rows[world.Disabled.Id].State);
        Assert.Equal((AccountState.None, null), (rows[noAccount.Id].State, rows[noAccount.Id].CreatedAt));

        var found = (await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?search=nora"))!;
        Assert.Equal(noAccount.Id, Assert.Single(found.Items).PersonId);
        var paged = (await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?page=1&pageSize=3"))!;
        Assert.Equal((10, 3), (paged.Total, paged.Items.Count));
    }

    [Fact]
    public async Task Invite_PersonWithoutAccount_CreatesAnInvitedAccountAndMailsALink()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var invitee = await TestHttp.AddPersonAsync(host, "Ivy Invitee", "ivy@world.test");
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var response = await admin.PostAsync($"/api/accounts/{invitee.Id}/invite", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<AccountActionResult>())!;
        Assert.Equal((invitee.Id, AccountState.Invited), (result.PersonId, result.State));
        Assert.Contains("email address", result.Message, StringComparison.Ordinal);
        await host.Smtp.WaitForAsync("ivy@world.test", m => m.Subject == "You are invited to SalesMentor");

        // Inviting again sends a fresh link; the invitee cannot sign in before choosing a password.
        using var again = await admin.PostAsync($"/api/accounts/{invitee.Id}/invite", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (host.Smtp.Messages.Count(m => m.Subject == "You are invited to SalesMentor") < 2 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        Assert.Equal(2, host.Smtp.Messages.Count(m => m.Subject == "You are invited to SalesMentor"));
        var row = Assert.Single((await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?search=ivy"))!.Items);
        Assert.Equal(AccountState.Invited, row.State);
    }

    [Fact]
    public async Task AccountActions_RefusedCases_AnswerWithTheirCodes()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var noEmail = await TestHttp.AddPersonAsync(host, "Ned Nomail", null);
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        async Task<(HttpStatusCode, string?)> CallAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, path);
            using var response = await admin.SendAsync(request);
            return (response.StatusCode, await TestHttp.ProblemCodeAsync(response));
        }

        Assert.Equal((HttpStatusCode.BadRequest, "account.no_email"), await CallAsync(HttpMethod.Post, $"/api/accounts/{noEmail.Id}/invite"));
        Assert.Equal((HttpStatusCode.Conflict, "account.exists"), await CallAsync(HttpMethod.Post, $"/api/accounts/{world.RepA.Id}/invite"));
        Assert.Equal((HttpStatusCode.BadRequest, "account.none"), await CallAsync(HttpMethod.Post, $"/api/accounts/{noEmail.Id}/reset-password"));
        Assert.Equal((HttpStatusCode.BadRequest, "account.disabled"), await CallAsync(HttpMethod.Post, $"/api/accounts/{world.Disabled.Id}/reset-password"));
        Assert.Equal((HttpStatusCode.BadRequest, "account.self"), await CallAsync(HttpMethod.Post, $"/api/accounts/{world.Admin.Id}/disable"));
        Assert.Equal((HttpStatusCode.BadRequest, "account.self"), await CallAsync(HttpMethod.Delete, $"/api/accounts/{world.Admin.Id}/admin"));
        Assert.Equal((HttpStatusCode.NotFound, "person.not_found"), await CallAsync(HttpMethod.Post, $"/api/accounts/{Guid.NewGuid()}/enable"));
    }

    [Fact]
    public async Task ResetPassword_AsAdmin_MailsTheLinkAndTheOldPasswordKeepsWorking()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using var response = await admin.PostAsync($"/api/accounts/{world.RepB.Id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AccountState.Active, (await response.Content.ReadFromJsonAsync<AccountActionResult>())!.State);
        var mail = await host.Smtp.WaitForAsync(world.RepB.Email!, m => m.Subject == "Reset your SalesMentor password");
        Assert.Contains("/account/set-password?user=", mail.TextBody, StringComparison.Ordinal);
        using var rep = await host.SignedInClientAsync(world.RepB.Email!);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/people")).StatusCode);
    }

    [Fact]
    public async Task DisableAndEnable_AsAdmin_ControlWhetherThePersonCanSignIn()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var disabled = await admin.PostAsync($"/api/accounts/{world.RepC.Id}/disable", null);
        Assert.Equal(AccountState.Disabled, (await disabled.Content.ReadFromJsonAsync<AccountActionResult>())!.State);
        using (var client = host.CreateClient())
        {
            Assert.NotEqual(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(client, world.RepC.Email!, TestWorld.Password)).StatusCode);
        }

        using var twice = await admin.PostAsync($"/api/accounts/{world.RepC.Id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);

        using var enabled = await admin.PostAsync($"/api/accounts/{world.Disabled.Id}/enable", null);
        Assert.Equal(AccountState.Active, (await enabled.Content.ReadFromJsonAsync<AccountActionResult>())!.State);
        using var nowIn = await host.SignedInClientAsync(world.Disabled.Email!);
        Assert.Equal(HttpStatusCode.OK, (await nowIn.GetAsync("/api/people")).StatusCode);
    }

    [Fact]
    public async Task GrantAndRevokeAdmin_AsAdmin_ChangeWhatThePersonMayDo()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var granted = await admin.PostAsync($"/api/accounts/{world.SupervisorB.Id}/admin", null);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        using (var supB = await host.SignedInClientAsync(world.SupervisorB.Email!))
        {
            Assert.Equal(HttpStatusCode.OK, (await supB.GetAsync("/api/accounts")).StatusCode);
        }

        Assert.True((await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?search=sup.b"))!.Items.Single().IsAdmin);
        using var revoked = await admin.DeleteAsync($"/api/accounts/{world.SupervisorB.Id}/admin");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using (var supB = await host.SignedInClientAsync(world.SupervisorB.Email!))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await supB.GetAsync("/api/accounts")).StatusCode);
        }

        Assert.False((await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?search=sup.b"))!.Items.Single().IsAdmin);
    }
}
