using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// Security-stamp checks of sign-in cookies are kept per instance (<c>KeptStampChecks</c>) while nothing they read has
/// changed. The same old cookie, sent again and again past the check interval (as a client that ignores the renewed
/// cookie does), must stop at once when the account is disabled, its person leaves, its stamp changes or its admin
/// role goes — written in plain SQL, around the app — and work again when the change is undone.
/// </summary>
public class KeptStampCheckTests
{
    private static readonly Dictionary<string, string?> EverySecond = new() { ["Security:SecurityStampCheckSeconds"] = "1" };

    private static async Task<string> SignInCookieAsync(WebTestHost host, string email)
    {
        var cookies = new CookieContainer();
        using var client = host.CreateClient(cookies);
        using var signIn = await WebTestHost.SignInAsync(client, email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return cookies.GetCookieHeader(host.BaseAddress);
    }

    private static async Task<HttpStatusCode> GetAsync(WebTestHost host, string cookie, string url)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task SqlAsync(WebTestHost host, FormattableString sql)
    {
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().Database.ExecuteSqlInterpolatedAsync(sql));
    }

    [Theory, BothProviders]
    public async Task TheSameOldCookie_StopsAtOnce_WhenWhatTheCheckReadsChanges(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, EverySecond);
        var world = await host.CreateWorldAsync();
        var rep = await SignInCookieAsync(host, world.RepA.Email!);
        var admin = await SignInCookieAsync(host, world.Admin.Email!);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // Checked in full, then from the kept check.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, rep, "/api/people"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, rep, "/api/people"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, admin, "/api/accounts"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, admin, "/api/accounts"));

        await SqlAsync(host, $"""UPDATE "AspNetUsers" SET "IsDisabled" = {true} WHERE "PersonId" = {world.RepA.Id.Value}""");
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host, rep, "/api/people"));
        await SqlAsync(host, $"""UPDATE "AspNetUsers" SET "IsDisabled" = {false} WHERE "PersonId" = {world.RepA.Id.Value}""");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, rep, "/api/people"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, rep, "/api/people"));

        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await SqlAsync(host, $"""UPDATE "People" SET "LeftOn" = {yesterday} WHERE "Id" = {world.RepA.Id.Value}""");
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host, rep, "/api/people"));
        await SqlAsync(host, $"""UPDATE "People" SET "LeftOn" = NULL WHERE "Id" = {world.RepA.Id.Value}""");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, rep, "/api/people"));

        // The admin role taken away: the kept admin principal must not come back.
        await SqlAsync(host, $"""DELETE FROM "AspNetUserRoles" WHERE "UserId" = (SELECT "Id" FROM "AspNetUsers" WHERE "PersonId" = {world.Admin.Id.Value})""");
        Assert.NotEqual(HttpStatusCode.OK, await GetAsync(host, admin, "/api/accounts"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(host, admin, "/api/people"));

        await SqlAsync(host, $"""UPDATE "AspNetUsers" SET "SecurityStamp" = 'changed-in-sql' WHERE "PersonId" = {world.RepA.Id.Value}""");
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(host, rep, "/api/people"));
    }
}
