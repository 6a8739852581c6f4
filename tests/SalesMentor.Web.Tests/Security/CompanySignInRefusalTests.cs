using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// Who is refused at the company sign-in and at the password form: a disabled account, and a person who has left the
/// organization (left-on today or before) — before and after linking, with a cookie from before, and let in again when
/// the date is cleared.
/// </summary>
public partial class CompanySignInTests
{
    [Fact]
    public async Task DisabledAccount_IsRefused_BeforeAndAfterLinking()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        var world = await host.CreateWorldAsync();

        oidc.User = new TestOidcUser("sub-dan", world.Disabled.Email!);
        var (client, landed) = await CompanySignInAsync(host);
        using (client)
        {
            Assert.Contains("disabled", await ErrorTextAsync(landed), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
        }

        // Linked while enabled, then disabled: the stored link does not get past it.
        oidc.User = new TestOidcUser("sub-star", world.Star.Email!);
        var (linked, _) = await CompanySignInAsync(host);
        linked.Dispose();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            await db.Users.Where(u => u.PersonId == world.Star.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }

        var (again, refused) = await CompanySignInAsync(host);
        using (again)
        {
            Assert.Contains("disabled", await ErrorTextAsync(refused), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/people")).StatusCode);
        }
    }

    [Fact]
    public async Task PersonWhoHasLeft_IsRefused_BeforeAndAfterLinking_AndLetInAgainWhenTheDateIsCleared()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        var world = await host.CreateWorldAsync();
        await SetLeftOnAsync(host, world.RepC.Id, DateOnly.FromDateTime(DateTime.UtcNow));

        oidc.User = new TestOidcUser("sub-ahmed", world.RepC.Email!);
        var (client, landed) = await CompanySignInAsync(host);
        using (client)
        {
            Assert.Equal(Leavers.Message, await ErrorTextAsync(landed));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
            Assert.Equal(0, await LoginCountAsync(host));
        }

        // Leaving on a later day is not leaving yet; linked now, then the day comes: the stored link does not get past it.
        await SetLeftOnAsync(host, world.RepC.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var (linked, arrived) = await CompanySignInAsync(host);
        using (linked) Assert.Equal("/", arrived.RequestMessage!.RequestUri!.AbsolutePath);
        await SetLeftOnAsync(host, world.RepC.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var (again, refused) = await CompanySignInAsync(host);
        using (again)
        {
            Assert.Equal(Leavers.Message, await ErrorTextAsync(refused));
            Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/people")).StatusCode);
        }

        await SetLeftOnAsync(host, world.RepC.Id, null);
        var (back, home) = await CompanySignInAsync(host);
        using (back)
        {
            Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/people")).StatusCode);
        }
    }

    [Theory, BothProviders]
    public async Task PersonWhoHasLeft_CannotSignInWithAPassword_AndTheirCookieStops(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Security:SecurityStampCheckSeconds"] = "1" });
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/people")).StatusCode);

        // Rep A leaves today (the roster import or the person form sets the date): the cookie stops at the next stamp check.
        await SetLeftOnAsync(host, world.RepA.Id, DateOnly.FromDateTime(DateTime.UtcNow));
        var clock = Stopwatch.StartNew();
        var status = HttpStatusCode.OK;
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && status != HttpStatusCode.Unauthorized)
        {
            await Task.Delay(200);
            status = (await rep.GetAsync("/api/people")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var fresh = host.CreateClient();
        var signIn = await WebTestHost.SignInAsync(fresh, world.RepA.Email!, TestWorld.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, not the redirect of a sign-in
        Assert.Contains("left the organization", WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/people")).StatusCode);

        await SetLeftOnAsync(host, world.RepA.Id, null);
        using var returned = await host.SignedInClientAsync(world.RepA.Email!);
        Assert.Equal(HttpStatusCode.OK, (await returned.GetAsync("/api/people")).StatusCode);
    }

    private static async Task SetLeftOnAsync(WebTestHost host, PersonId person, DateOnly? day)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        await db.People.Where(p => p.Id == person).ExecuteUpdateAsync(p => p.SetProperty(x => x.LeftOn, day));
    }
}
