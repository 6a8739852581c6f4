using System.Diagnostics;
using System.Net;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Features.Settings;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Hosting;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>QUALITY.md's hardened sign-in, over HTTP: rate limit, lockout, cookie flags, antiforgery, ending sessions.</summary>
public class SignInHardeningTests
{
    [Fact]
    public async Task Login_MoreAttemptsThanThePermitLimit_Is429()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Security:LoginRatePermitLimit"] = "3",
            ["Security:LoginRateWindowSeconds"] = "60",
        });
        var world = await host.CreateWorldAsync();
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await WebTestHost.SignInAsync(client, world.RepA.Email!, "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var fourth = await WebTestHost.SignInAsync(client, world.RepA.Email!, TestWorld.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.False(fourth.Headers.Contains("Set-Cookie") && fourth.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(WebServices.AuthCookieName, StringComparison.Ordinal)));

        // Only sign-in POSTs count: the sign-in page and the rest of the app keep answering.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Login_RepeatedWrongPasswords_LockTheAccount()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Security:MaxFailedAccessAttempts"] = "3" });
        var world = await host.CreateWorldAsync();
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await WebTestHost.SignInAsync(client, world.RepA.Email!, "not the password " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var locked = await WebTestHost.SignInAsync(client, world.RepA.Email!, TestWorld.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);

        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var accounts = await admin.GetFromJsonAsync<Paged<AccountRow>>("/api/accounts?search=rep.a@world.test");
        Assert.Equal(AccountState.LockedOut, Assert.Single(accounts!.Items).State);
    }

    [Fact]
    public async Task Login_UnknownEmailAndWrongPassword_LookTheSame()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = host.CreateClient();
        using var wrongPassword = await WebTestHost.SignInAsync(client, world.RepA.Email!, "not the password");
        using var unknown = await WebTestHost.SignInAsync(client, "nobody@world.test", "not the password");
        Assert.Equal(wrongPassword.StatusCode, unknown.StatusCode);
        Assert.Equal(ErrorText(await wrongPassword.Content.ReadAsStringAsync()), ErrorText(await unknown.Content.ReadAsStringAsync()));

        static string ErrorText(string html)
        {
            var start = html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
            Assert.True(start >= 0, "no sign-in error shown");
            return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task Login_ForeignReturnUrl_RedirectsWithinTheSite()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        foreach (var returnUrl in new[] { "https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish", "http:evil.example" })
        {
            using var client = host.CreateClient();
            var form = await client.GetStringAsync("/account/login");
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = world.RepA.Email!, ["Input.Password"] = TestWorld.Password,
            });
            using var response = await client.PostAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), body);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.True(!location.IsAbsoluteUri || location.Host == host.BaseAddress.Host, $"{returnUrl}: redirected off-site to {location}");
            Assert.DoesNotContain("evil.example", location.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Login_Success_CookiesAreHttpOnlyAndSameSiteLax()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = host.CreateClient();
        using var response = await WebTestHost.SignInAsync(client, world.RepA.Email!, TestWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(WebServices.AuthCookieName + "=", StringComparison.Ordinal));
        var flags = auth.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=lax", flags);
        Assert.Contains("path=/", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("domain=", StringComparison.Ordinal));

        // The antiforgery cookie is HttpOnly as well: scripts read the token from GET /api/antiforgery, not from the cookie.
        using var tokenResponse = await client.GetAsync("/api/antiforgery");
        var antiforgeryCookies = response.Headers.GetValues("Set-Cookie").Concat(tokenResponse.Headers.TryGetValues("Set-Cookie", out var more) ? more : [])
            .Where(c => c.StartsWith("SalesMentor.Antiforgery", StringComparison.Ordinal)).ToList();
        Assert.All(antiforgeryCookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every state-changing call of the API, made with a valid sign-in cookie but without (or with someone else's) X-CSRF-TOKEN.</summary>
    private static readonly (string Method, string Route)[] StateChangingCalls =
    [
        ("PUT", "/api/settings"),
        ("PUT", "/api/people/{RepA}"),
        ("POST", "/api/accounts/{RepA}/disable"),
        ("POST", "/api/accounts/{Disabled}/enable"),
        ("POST", "/api/accounts/{RepA}/reset-password"),
        ("POST", "/api/accounts/{Nobody}/invite"),
        ("POST", "/api/accounts/{RepB}/admin"),
        ("DELETE", "/api/accounts/{Admin}/admin"),
    ];

    [Fact]
    public async Task Api_CookieWithoutCsrfHeader_Is400AndChangesNothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var nobody = await TestHttp.AddPersonAsync(host, "Nick Noaccount", "nick@world.test");
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using var cookieOnly = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(cookieOnly, world.Admin.Email!, TestWorld.Password)).StatusCode);
        _ = await cookieOnly.GetStringAsync("/api/antiforgery"); // holds the antiforgery cookie too: only the header is missing
        using var other = await host.SignedInClientAsync(world.RepB.Email!);
        var othersToken = other.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();

        var before = await StateAsync(host, admin, world);
        var failures = new List<string>();
        foreach (var (method, route) in StateChangingCalls)
        {
            var path = route.Replace("{RepA}", world.RepA.Id.ToString(), StringComparison.Ordinal).Replace("{RepB}", world.RepB.Id.ToString(), StringComparison.Ordinal)
                .Replace("{Admin}", world.Admin.Id.ToString(), StringComparison.Ordinal).Replace("{Disabled}", world.Disabled.Id.ToString(), StringComparison.Ordinal)
                .Replace("{Nobody}", nobody.Id.ToString(), StringComparison.Ordinal);
            object? body = null;
            if (route == "/api/settings")
            {
                body = TestHttp.UpdateOf(await TestHttp.StoredSettingsAsync(host)) with { Name = "Changed by a forged request" };
            }
            else if (method == "PUT")
            {
                body = TestHttp.UpdateOf((await TestHttp.StoredPersonAsync(host, world.RepA.Id))!) with { Title = "Changed by a forged request" };
            }

            // Without the header, and with a token from someone else's session.
            foreach (var token in new[] { null, othersToken })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
                if (token is not null) request.Headers.Add("X-CSRF-TOKEN", token);
                using var response = await cookieOnly.SendAsync(request);
                var code = await TestHttp.ProblemCodeAsync(response);
                if (response.StatusCode != HttpStatusCode.BadRequest || code != "antiforgery.invalid")
                {
                    failures.Add($"{method} {route} {(token is null ? "without a token" : "with another session's token")}: {(int)response.StatusCode} {code}");
                }

                if (await StateAsync(host, admin, world) != before) failures.Add($"{method} {route}: the forged request changed something");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_KeepsTheSession()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(client, world.RepA.Email!, TestWorld.Password)).StatusCode);

        using var forged = await client.PostAsync("/account/logout", null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/people")).StatusCode);

        // The sign-out form of the layout carries the token, so the real button keeps working.
        var page = await client.GetStringAsync("/people");
        var form = System.Text.RegularExpressions.Regex.Match(page, "<form method=\"post\" action=\"account/logout\">.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(form.Success, "no sign-out form on the page");
        var token = System.Text.RegularExpressions.Regex.Match(form.Value, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var real = await client.PostAsync("/account/logout", fields);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_ExistingCookie_StopsWorkingWithinTheStampInterval()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Security:SecurityStampCheckSeconds"] = "1" });
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/people")).StatusCode);

        using var disabled = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var clock = Stopwatch.StartNew();
        var status = HttpStatusCode.OK;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            status = (await rep.GetAsync("/api/people")).StatusCode;
            if (status == HttpStatusCode.Unauthorized) break;
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rep.GetAsync($"/api/people/{world.RepA.Id}/opportunities")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await rep.GetAsync("/people")).StatusCode);

        // The admin, whose account did not change, keeps working past the same interval.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/people")).StatusCode);
    }

    private static async Task<string> StateAsync(WebTestHost host, HttpClient admin, TestWorld world)
    {
        var accounts = await admin.GetStringAsync("/api/accounts?pageSize=100");
        var settings = TestHttp.Snapshot(await TestHttp.StoredSettingsAsync(host));
        var person = TestHttp.Snapshot(await TestHttp.StoredPersonAsync(host, world.RepA.Id));
        var mails = (await admin.GetFromJsonAsync<App.Features.Outbox.OutboxSummary>("/api/outbox"))!.Messages.Total;
        return $"{accounts}\n{settings}\n{person}\nmails={mails}";
    }
}
