using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesMentor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>The company sign-in in a real browser: sign-in page → the OpenID Connect provider (OpenIddict on loopback) → back, signed in.</summary>
public partial class CompanySignInBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task CompanySignIn_FullRedirectRoundTrip_LandsOnTheAskedPageSignedIn() => RunAsync(async () =>
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        var host = await StartHostAsync(oidc.AppSettings(localPasswords: false));
        oidc.AllowRedirectsTo(host.BaseAddress);
        var world = await host.CreateWorldAsync();
        oidc.User = new TestOidcUser("sub-browser-sam", world.SupervisorA.Email!);
        var page = await NewPageAsync(host);

        // A page that needs a session sends the browser to the sign-in page, which offers only the company button.
        await page.GotoAsync("people");
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.Locator("#password")).ToHaveCountAsync(0);
        var button = page.GetByTestId("company-sign-in");
        await Expect(button).ToHaveTextAsync("Sign in with Test Company");

        var atProvider = page.WaitForRequestAsync(r => r.Url.StartsWith(oidc.Authority + "connect/authorize", StringComparison.Ordinal));
        await button.ClickAsync();
        var authorize = await atProvider;
        Assert.Contains("code_challenge_method=S256", authorize.Url, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize.Url, StringComparison.Ordinal);

        // The round trip holds the first fetch of the provider's metadata and keys, the code
        // redemption and the userinfo call: on a loaded machine it can outlast the usual wait.
        await Expect(page).ToHaveURLAsync(PeopleUrl(), new() { Timeout = RoundTripTimeoutMs });
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(world.SupervisorA.Name);
        Assert.Equal(1, oidc.CodesRedeemed);

        // A stranger at the provider gets the message on the sign-in page.
        var stranger = await NewPageAsync(host);
        oidc.User = new TestOidcUser("sub-browser-stranger", "stranger@elsewhere.test");
        await stranger.GotoAsync("account/login");
        await stranger.GetByTestId("company-sign-in").ClickAsync();
        await Expect(stranger.GetByTestId("login-error")).ToHaveTextAsync("No SalesMentor account uses the email stranger@elsewhere.test; ask your administrator.", new() { Timeout = RoundTripTimeoutMs });
        await Expect(stranger).ToHaveURLAsync(LoginUrl());
    });

    private const float RoundTripTimeoutMs = 60_000;

    [GeneratedRegex(@"/people$")]
    private static partial Regex PeopleUrl();
}
