using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ApiTokens;
using SalesMentor.App.Features.People;
using SalesMentor.App.Security;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>Personal access tokens over HTTP: created with the cookie, used as a bearer token, scoped, revoked.</summary>
public class ApiTokensEndpointsTests
{
    [Fact]
    public async Task Create_WithSession_ShowsTheSecretOnce_AndTheTokenCallsTheApi()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var session = await host.SignedInClientAsync(world.RepA.Email!);

        using var response = await session.PostAsJsonAsync("/api/tokens", new CreateApiTokenRequest("CRM sync", ApiTokenScope.Read, 30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreatedApiToken>())!;
        Assert.StartsWith("smt_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(47, created.Secret.Length);
        Assert.Equal(("CRM sync", ApiTokenScope.Read, ApiTokenStatus.Active), (created.Token.Name, created.Token.Scope, created.Token.Status));
        Assert.StartsWith(created.Token.Prefix, created.Secret, StringComparison.Ordinal);
        Assert.InRange(created.Token.ExpiresAt - created.Token.CreatedAt, TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));

        // The list never shows the secret again; only the hash is stored.
        var listed = await session.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);
        var stored = Assert.Single(await TestTokens.StoredAsync(host));
        Assert.Equal(ApiTokenSecret.Hash(created.Secret), stored.Hash);

        using var token = TestTokens.Client(host, created.Secret);
        var me = await token.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}");
        Assert.Equal(world.RepA.Name, me!.Name);
        Assert.Single((await token.GetFromJsonAsync<List<ApiTokenRow>>("/api/tokens"))!);
        Assert.NotNull(Assert.Single(await TestTokens.StoredAsync(host)).LastUsedAt);

        // Nothing of the secret reaches the log.
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(created.Secret[4..], StringComparison.Ordinal));
        await AssertAuditedAsync(host, "api_token.create", stored.Id);
    }

    [Fact]
    public async Task ReadToken_CannotChangeData_ReadWriteToken_CanWithoutAntiforgery()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var read = await TestTokens.CreateAsync(host, world.Admin, ApiTokenScope.Read);
        var write = await TestTokens.CreateAsync(host, world.Admin, ApiTokenScope.ReadWrite);
        var before = (await TestHttp.StoredPersonAsync(host, world.RepA.Id))!;
        var change = TestHttp.UpdateOf(before) with { Title = "Senior Account Executive" };

        using var reader = TestTokens.Client(host, read.Secret);
        using var refused = await reader.PutAsJsonAsync($"/api/people/{world.RepA.Id}", change);
        Assert.Equal("token.read_only", await TestHttp.AssertProblemAsync(refused, HttpStatusCode.Forbidden));
        Assert.Equal(TestHttp.Snapshot(before), TestHttp.Snapshot(await TestHttp.StoredPersonAsync(host, world.RepA.Id)));

        using var writer = TestTokens.Client(host, write.Secret);
        using var done = await writer.PutAsJsonAsync($"/api/people/{world.RepA.Id}", change);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("Senior Account Executive", (await TestHttp.StoredPersonAsync(host, world.RepA.Id))!.Title);

        // A token cannot mint more tokens, even a read-write one: that needs the signed-in session.
        using var mint = await writer.PostAsJsonAsync("/api/tokens", new CreateApiTokenRequest("more", ApiTokenScope.ReadWrite, 366));
        Assert.Equal("token.session_required", await TestHttp.AssertProblemAsync(mint, HttpStatusCode.Forbidden));
        Assert.Equal(2, (await TestTokens.StoredAsync(host)).Count);
    }

    [Fact]
    public async Task RevokedExpiredAndDisabledAccountTokens_StopWorkingAtOnce()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var revoked = await TestTokens.CreateAsync(host, world.RepA, ApiTokenScope.ReadWrite);
        var expired = await TestTokens.CreateAsync(host, world.RepA, ApiTokenScope.Read);
        var repB = await TestTokens.CreateAsync(host, world.RepB, ApiTokenScope.Read);
        using var revokedClient = TestTokens.Client(host, revoked.Secret);
        using var expiredClient = TestTokens.Client(host, expired.Secret);
        using var repBClient = TestTokens.Client(host, repB.Secret);
        Assert.Equal(HttpStatusCode.OK, (await revokedClient.GetAsync("/api/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await repBClient.GetAsync("/api/people")).StatusCode);

        using (var session = await host.SignedInClientAsync(world.RepA.Email!))
        {
            using var revoke = await session.DeleteAsync($"/api/tokens/{revoked.Token.Id}");
            Assert.Equal(ApiTokenStatus.Revoked, (await revoke.Content.ReadFromJsonAsync<ApiTokenRow>())!.Status);
            // Someone else's token is not there for you, an admin included.
            using var other = await session.DeleteAsync($"/api/tokens/{repB.Token.Id}");
            Assert.Equal("token.not_found", await TestHttp.AssertProblemAsync(other, HttpStatusCode.NotFound));
        }

        Assert.Equal("token.revoked", await TestHttp.AssertProblemAsync(await revokedClient.GetAsync("/api/people"), HttpStatusCode.Unauthorized));
        await TestTokens.ExpireAsync(host, expired.Token.Id);
        Assert.Equal("token.expired", await TestHttp.AssertProblemAsync(await expiredClient.GetAsync("/api/people"), HttpStatusCode.Unauthorized));

        using (var admin = await host.SignedInClientAsync(world.Admin.Email!))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/{world.RepB.Id}/disable", null)).StatusCode);
        }

        Assert.Equal("token.account_disabled", await TestHttp.AssertProblemAsync(await repBClient.GetAsync("/api/people"), HttpStatusCode.Unauthorized));
        await AssertAuditedAsync(host, "api_token.revoke", revoked.Token.Id);
    }

    [Theory]
    [InlineData("Bearer nonsense")]
    [InlineData("Bearer smt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer smt_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("Bearer ")]
    public async Task GarbageBearer_Is401WithACode_NeverA5xx(string header)
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/people");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await client.SendAsync(request);
        Assert.Equal("token.invalid", await TestHttp.AssertProblemAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Token_IsNotASignInForPages()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var token = await TestTokens.CreateAsync(host, world.Admin, ApiTokenScope.ReadWrite);
        using var client = TestTokens.Client(host, token.Secret);
        using var response = await client.GetAsync("/admin/accounts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"","scope":"Read","expiresInDays":30}""", "token.name_required")]
    [InlineData("""{"name":"   ","scope":"Read","expiresInDays":30}""", "token.name_required")]
    [InlineData("""{"name":"line\nbreak","scope":"Read","expiresInDays":30}""", "token.name_invalid")]
    [InlineData("""{"name":"ok","scope":"Read","expiresInDays":0}""", "token.expiry_invalid")]
    [InlineData("""{"name":"ok","scope":"Read","expiresInDays":367}""", "token.expiry_invalid")]
    [InlineData("""{"name":"ok","scope":"Read","expiresInDays":-5}""", "token.expiry_invalid")]
    [InlineData("""{"name":"ok","scope":"Admin","expiresInDays":30}""", "request.invalid")]
    [InlineData("""{"name":"ok","scope":7,"expiresInDays":30}""", null)]
    [InlineData("""{"name":"ok",""", "request.invalid")]
    [InlineData("""[]""", "request.invalid")]
    public async Task Create_BadInput_Is400WithACode_AndStoresNothing(string body, string? code)
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var session = await host.SignedInClientAsync(world.RepA.Email!);
        using var response = await session.PostAsync("/api/tokens", TestHttp.Json(body));
        var actual = await TestHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        if (code is not null) Assert.Equal(code, actual);
        Assert.Empty(await TestTokens.StoredAsync(host));
    }

    [Fact]
    public async Task Create_LongNameAndRealNames_AreHandled()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var session = await host.SignedInClientAsync(world.RepA.Email!);
        using var tooLong = await session.PostAsJsonAsync("/api/tokens", new CreateApiTokenRequest(new string('x', 101), ApiTokenScope.Read, 30));
        Assert.Equal("token.name_too_long", await TestHttp.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest));
        const string name = "Zoë's 李小龍 sync — مرحبا 🚀";
        using var ok = await session.PostAsJsonAsync("/api/tokens", new CreateApiTokenRequest(name, ApiTokenScope.ReadWrite, 366));
        Assert.Equal(name, (await ok.Content.ReadFromJsonAsync<CreatedApiToken>())!.Token.Name);
    }

    private static async Task AssertAuditedAsync(WebTestHost host, string action, Guid tokenId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == action && e.ResourceId == tokenId.ToString()), $"no audit event {action}");
    }
}
