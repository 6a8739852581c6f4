using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ApiTokens;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;
using SalesMentor.Web.Hosting;
using SalesMentor.Web.Security;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// Company sign-in through a real OpenID Connect provider on loopback (<see cref="TestOidcProvider"/>,
/// OpenIddict): the whole redirect round trip with a cookie-keeping client, no part of it mocked.
/// </summary>
public partial class CompanySignInTests
{
    [Theory, BothProviders]
    public async Task FirstSignIn_LinksToThePersonWithThatEmail_AndTheCookieWorksOnTheApi(Provider provider)
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc, provider);
        var world = await host.CreateWorldAsync();
        // Case does not matter: the provider's spelling of the address differs from the stored one.
        oidc.User = new TestOidcUser("sub-sam-1", "SUP.A@World.Test");

        var (client, landed) = await CompanySignInAsync(host, returnUrl: "/people");
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            Assert.Equal("/people", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(1, oidc.CodesRedeemed);
            Assert.Contains("You are signed in as " + world.SupervisorA.Name, await client.GetStringAsync("/account/login"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/people")).StatusCode);
            Assert.Equal(("oidc", "sub-sam-1"), await StoredLoginAsync(host, world.SupervisorA.Id));
        }
    }

    [Fact]
    public async Task SecondSignIn_GoesByTheStoredSubject_AfterTheEmailChanged()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        var world = await host.CreateWorldAsync();
        oidc.User = new TestOidcUser("sub-vera", world.Vp.Email!);
        var (first, _) = await CompanySignInAsync(host);
        first.Dispose();

        // Both sides changed the address: SalesMentor's person and the provider's account.
        await SetEmailAsync(host, world.Vp.Id, "vera.vice@renamed.test");
        oidc.User = new TestOidcUser("sub-vera", "vera@provider-side.test");
        var (second, landed) = await CompanySignInAsync(host);
        using (second)
        {
            Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("You are signed in as " + world.Vp.Name, await second.GetStringAsync("/account/login"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/people")).StatusCode);
        }

        // Someone else at the provider with Vera's current address is a different subject: not Vera.
        oidc.User = new TestOidcUser("sub-impostor", "vera.vice@renamed.test");
        var (third, refused) = await CompanySignInAsync(host);
        using (third)
        {
            Assert.Contains("already linked to another company account", await ErrorTextAsync(refused), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await third.GetAsync("/api/people")).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownEmail_IsRefusedWithAClearMessage()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        await host.CreateWorldAsync();
        oidc.User = new TestOidcUser("sub-stranger", "stranger@elsewhere.test");

        var (client, landed) = await CompanySignInAsync(host);
        using (client)
        {
            Assert.Equal("/account/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("No SalesMentor account uses the email stranger@elsewhere.test; ask your administrator.", await ErrorTextAsync(landed));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
            Assert.Equal(0, await LoginCountAsync(host));
        }
    }

    [Fact]
    public async Task UnverifiedEmail_IsRefused()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        var world = await host.CreateWorldAsync();
        oidc.User = new TestOidcUser("sub-unverified", world.RepC.Email!, EmailVerified: false);

        var (client, landed) = await CompanySignInAsync(host);
        using (client)
        {
            Assert.Contains($"the email {world.RepC.Email} is not verified", await ErrorTextAsync(landed), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
            Assert.Equal(0, await LoginCountAsync(host));
        }
    }

    [Fact]
    public async Task PersonWithoutAccount_GetsOneAtTheFirstSignIn()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        await host.CreateWorldAsync();
        var nick = await TestHttp.AddPersonAsync(host, "Nick Newhire", "nick@world.test");
        oidc.User = new TestOidcUser("sub-nick", "nick@world.test");

        var (client, landed) = await CompanySignInAsync(host);
        using (client)
        {
            Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/people")).StatusCode);
            Assert.Equal(("oidc", "sub-nick"), await StoredLoginAsync(host, nick.Id));
        }
    }

    [Fact]
    public async Task LocalPasswordsOff_OnlyTheCompanyButton_PasswordsRefused_TokensStillWork()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc, localPasswords: false);
        var world = await host.CreateWorldAsync();

        using var anonymous = host.CreateClient();
        var page = await anonymous.GetStringAsync("/account/login");
        Assert.Contains("data-testid=\"company-sign-in\"", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with Test Company", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("forgot-password", page, StringComparison.Ordinal);

        // The right password, posted as the password form would: no session.
        using var posted = await WebTestHost.SignInAsync(anonymous, world.RepA.Email!, TestWorld.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(WebServices.AuthCookieName, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/people")).StatusCode);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<AppUser>>();
            var user = await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().Users.SingleAsync(u => u.PersonId == world.RepA.Id);
            Assert.False((await signIn.CheckPasswordSignInAsync(user, TestWorld.Password, lockoutOnFailure: false)).Succeeded);
        }

        // No password reset: the page says so and a posted request sends nothing.
        Assert.Contains("data-testid=\"passwords-off\"", await anonymous.GetStringAsync("/account/forgot-password"), StringComparison.Ordinal);
        var reset = await host.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<App.Features.Accounts.RequestPasswordReset>()
            .HandleAsync(world.RepA.Email, host.BaseAddress.ToString(), CancellationToken.None);
        Assert.Equal("password.local_passwords_off", reset.Error?.Code);
        Assert.Contains("data-testid=\"passwords-off\"", await anonymous.GetStringAsync("/account/set-password"), StringComparison.Ordinal);
        var setPassword = await host.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<App.Features.Accounts.SetPassword>()
            .HandleAsync(new App.Features.Accounts.SetPasswordRequest(Guid.NewGuid(), "a-link-token", "a long enough password", "a long enough password"), CancellationToken.None);
        Assert.Equal("password.local_passwords_off", setPassword.Error?.Code);
        var nick = await TestHttp.AddPersonAsync(host, "Nick Noaccount", "nick@world.test");

        // The company sign-in works; an admin cannot send a reset link; API tokens keep working.
        oidc.User = new TestOidcUser("sub-ada", world.Admin.Email!);
        var (admin, landed) = await CompanySignInAsync(host);
        using (admin)
        {
            Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);
            var csrf = await admin.GetFromJsonAsync<Dictionary<string, string>>("/api/antiforgery");
            admin.DefaultRequestHeaders.Add(csrf!["headerName"], csrf["token"]);
            using var resetLink = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/reset-password", null);
            Assert.Equal("account.local_passwords_off", await TestHttp.AssertProblemAsync(resetLink, HttpStatusCode.Conflict));
            using var invite = await admin.PostAsync($"/api/accounts/{nick.Id}/invite", null);
            Assert.Equal("account.local_passwords_off", await TestHttp.AssertProblemAsync(invite, HttpStatusCode.Conflict));

            // The accounts page says why it offers neither (its rows, and so their buttons, render once interactive).
            var accounts = await admin.GetStringAsync("/admin/accounts");
            Assert.Contains("data-testid=\"accounts-passwords-off\"", accounts, StringComparison.Ordinal);
        }

        var token = await TestTokens.CreateAsync(host, world.RepA, ApiTokenScope.Read);
        using var bearer = new HttpClient { BaseAddress = host.BaseAddress };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/people")).StatusCode);
        Assert.Empty(host.Smtp.Messages);
    }

    [Fact]
    public async Task NotConfigured_NoButton_AndTheStartEndpointIs404()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        var page = await client.GetStringAsync("/account/login");
        Assert.DoesNotContain("company-sign-in", page, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", page, StringComparison.Ordinal);
        using var start = await client.PostAsync("/account/external-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/signin-oidc?code=x&state=y")).StatusCode);
    }

    [Fact]
    public async Task StartWithoutAntiforgeryToken_IsRefused()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc);
        using var client = host.CreateClient();
        using var start = await client.PostAsync("/account/external-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
    }

    /// <summary>
    /// Behind nginx that terminates TLS: the app sees plain HTTP with <c>X-Forwarded-Proto: https</c>
    /// from the known proxy. The redirect URI it sends is https, the correlation and nonce cookies are
    /// Secure and SameSite=Lax, and the browser's return through the proxy signs in. Secure cookies
    /// are carried by hand here, as a browser would over the proxy's HTTPS.
    /// </summary>
    [Fact]
    public async Task BehindTheProxy_RedirectUriIsHttps_CookiesSecure_AndTheRoundTripSignsIn()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        var settings = oidc.AppSettings();
        settings["ReverseProxy:KnownProxies"] = "127.0.0.1, ::1";
        await using var host = await WebTestHost.StartAsync(settings: settings);
        var publicAddress = new UriBuilder(host.BaseAddress) { Scheme = "https" }.Uri;
        oidc.AllowRedirectsTo(publicAddress);
        var world = await host.CreateWorldAsync();
        oidc.User = new TestOidcUser("sub-proxy", world.RepC.Email!);

        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var app = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        async Task<HttpResponseMessage> ThroughProxyAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
            request.Headers.Add("X-Forwarded-Proto", "https");
            if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await app.SendAsync(request);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                var pair = cookie.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                if (value.Length == 0) jar.Remove(name);
                else jar[name] = value;
            }

            return response;
        }

        var page = await (await ThroughProxyAsync(HttpMethod.Get, "/account/login")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(CompanyForm().Match(page).Value).Groups[1].Value;
        using var start = await ThroughProxyAsync(HttpMethod.Post, "/account/external-login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ReturnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(oidc.Authority + "connect/authorize", authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(new Uri(publicAddress, "/signin-oidc").ToString()), authorize.Query, StringComparison.Ordinal);
        var protocolCookies = start.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".AspNetCore.Correlation", StringComparison.Ordinal) || c.StartsWith(".AspNetCore.OpenIdConnect.Nonce", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, protocolCookies.Count);
        Assert.All(protocolCookies, c =>
        {
            var flags = c.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", flags);
            Assert.Contains("samesite=lax", flags);
            Assert.Contains("httponly", flags);
        });

        // The provider approves and sends the browser to the public https callback; the proxy passes it on.
        using var provider = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var approved = await provider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var callback = approved.Headers.Location!;
        Assert.Equal(publicAddress.Authority, callback.Authority);
        Assert.Equal("https", callback.Scheme);
        using var back = await ThroughProxyAsync(HttpMethod.Get, callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        using var finished = await ThroughProxyAsync(HttpMethod.Get, back.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, finished.StatusCode);
        Assert.Equal(new Uri(publicAddress, "/"), new Uri(publicAddress, finished.Headers.Location!));
        Assert.Contains("__Host-" + WebServices.AuthCookieName, jar.Keys);
        using var api = await ThroughProxyAsync(HttpMethod.Get, "/api/people");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData("https://login.example.com/", "true", null)]
    [InlineData("http://127.0.0.1:8080/", "false", null)]
    [InlineData("http://localhost:8080/realms/x", "false", null)]
    [InlineData("http://login.example.com/", "false", "allowed only for a provider on this machine")]
    [InlineData("not a url", "true", "not an absolute URL")]
    public void Settings_PlainHttpMetadata_OnlyForLoopback(string authority, string requireHttps, string? problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = authority,
            ["Authentication:Oidc:ClientId"] = "client",
            ["Authentication:Oidc:RequireHttpsMetadata"] = requireHttps,
        }).Build();
        if (problem is null)
        {
            var settings = CompanySignInSettings.From(configuration);
            Assert.True(settings.IsConfigured);
            Assert.Equal("email", settings.EmailClaim);
        }
        else
        {
            var error = Assert.Throws<InvalidOperationException>(() => CompanySignInSettings.From(configuration));
            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The app pointed at <paramref name="oidc"/>, which accepts only this app's callback.</summary>
    internal static async Task<WebTestHost> StartAsync(TestOidcProvider oidc, Provider provider = Provider.Sqlite, bool localPasswords = true)
    {
        var host = await WebTestHost.StartAsync(provider, oidc.AppSettings(localPasswords));
        oidc.AllowRedirectsTo(host.BaseAddress);
        return host;
    }

    /// <summary>
    /// A fresh browser-like client (keeps cookies, follows redirects across both hosts) presses the
    /// company sign-in button; returns it and the page it finally landed on.
    /// </summary>
    private static async Task<(HttpClient Client, HttpResponseMessage Landed)> CompanySignInAsync(WebTestHost host, string returnUrl = "/")
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.BaseAddress,
        };
        var page = await client.GetStringAsync("/account/login");
        var form = CompanyForm().Match(page);
        Assert.True(form.Success, "no company sign-in form on the sign-in page");
        var token = AntiforgeryField().Match(form.Value).Groups[1].Value;
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ReturnUrl"] = returnUrl });
        var landed = await client.PostAsync("/account/external-login", fields);
        return (client, landed);
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = LoginError().Match(html);
        Assert.True(match.Success, $"no sign-in error shown on {response.RequestMessage?.RequestUri}:\n{TestHttp.Shorten(html)}");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private static async Task<(string Provider, string Key)?> StoredLoginAsync(WebTestHost host, PersonId person)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var userId = await db.Users.Where(u => u.PersonId == person).Select(u => u.Id).SingleAsync();
        var login = await db.UserLogins.Where(l => l.UserId == userId).SingleOrDefaultAsync();
        return login is null ? null : (login.LoginProvider, login.ProviderKey);
    }

    private static async Task<int> LoginCountAsync(WebTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().UserLogins.CountAsync();
    }

    private static async Task SetEmailAsync(WebTestHost host, PersonId person, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        await db.People.Where(p => p.Id == person).ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, email));
        await db.Users.Where(u => u.PersonId == person).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email).SetProperty(x => x.NormalizedEmail, email.ToUpperInvariant()));
    }

    [GeneratedRegex("<form method=\"post\" action=\"account/external-login\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex CompanyForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"login-error\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex LoginError();
}
