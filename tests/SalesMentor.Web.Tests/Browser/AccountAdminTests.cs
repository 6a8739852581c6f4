using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>An admin acting on someone's account: password reset by mail, disabling.</summary>
public partial class AccountAdminTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string NewPassword = "a brand new sentence to remember";

    [Fact]
    public Task AdminPasswordReset_LinkMailedToThePerson_NeverShownToTheAdminAndSetsTheNewPassword() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var admin = await NewPageAsync(host);
        var seen = Record(admin);
        await SignInAsync(admin, world.Admin.Email!, TestWorld.Password);

        await MenuLink(admin, "Accounts").ClickAsync();
        var grid = admin.GetByTestId("accounts-grid");
        await Expect(Rows(grid).First).ToBeVisibleAsync();
        await admin.GetByTestId("accounts-search").FillAsync("zoe");
        await Expect(Rows(grid)).ToHaveCountAsync(1); // the search has run: no click lands on a row being replaced
        var row = Rows(grid).Filter(new LocatorFilterOptions { HasText = world.RepA.Email! });
        await Expect(row.GetByTestId("account-state")).ToHaveTextAsync("active");
        await row.GetByTestId("reset-password").ClickAsync();
        await Expect(admin.GetByTestId("account-message")).ToContainTextAsync(world.RepA.Name);

        // The link went to the person's own mailbox.
        var mail = await host.Smtp.WaitForAsync(world.RepA.Email!, m => m.Subject?.Contains("Reset", StringComparison.Ordinal) == true);
        var link = SetPasswordLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, "The reset mail holds no set-password link: " + mail.TextBody);
        Assert.StartsWith(host.BaseAddress.ToString().TrimEnd('/'), link.Value, StringComparison.Ordinal);
        var encodedToken = link.Groups["token"].Value;
        var token = AccountLinks.DecodeToken(encodedToken);
        Assert.False(string.IsNullOrEmpty(token));
        string[] secrets = [link.Value, encodedToken, token!, Uri.EscapeDataString(token!)];

        // …and nowhere on the admin's screens: the accounts page after the action, the outbox, the audit log.
        AssertNoSecret(await admin.ContentAsync(), secrets, "the accounts page");
        await MenuLink(admin, "Outbox").ClickAsync();
        var outbox = admin.GetByTestId("outbox-grid");
        await Expect(Rows(outbox).Filter(new LocatorFilterOptions { HasText = world.RepA.Email! }).First).ToBeVisibleAsync();
        AssertNoSecret(await admin.ContentAsync(), secrets, "the outbox page");
        await MenuLink(admin, "Audit log").ClickAsync();
        await Expect(Rows(admin.GetByTestId("audit-grid")).Filter(new LocatorFilterOptions { HasText = "account.reset_password" })).ToHaveCountAsync(1);
        AssertNoSecret(await admin.ContentAsync(), secrets, "the audit page");

        // …nor in anything the admin's browser received: HTTP responses and the live connection's frames.
        var received = await seen.AllAsync();
        Assert.NotEmpty(received.Frames);
        foreach (var (url, body) in received.Responses) AssertNoSecret(body, secrets, "the response of " + url);
        foreach (var frame in received.Frames) AssertNoSecret(frame, secrets, "a frame of the live connection");

        // The person opens the link in a browser of their own and chooses a new password.
        var person = await NewPageAsync(host);
        await person.GotoAsync(link.Value);
        await person.Locator("#password").FillAsync(NewPassword);
        await person.Locator("#confirm").FillAsync(NewPassword);
        await person.GetByTestId("save-password").ClickAsync();
        await Expect(person.GetByTestId("password-set")).ToBeVisibleAsync();

        // The old password no longer works; the new one does.
        await SubmitSignInAsync(person, world.RepA.Email!, TestWorld.Password);
        await Expect(person.GetByTestId("login-error")).ToContainTextAsync("Wrong email or password.");
        await SignInAsync(person, world.RepA.Email!, NewPassword);
        await Expect(person.GetByTestId("signed-in-as")).ToHaveTextAsync(world.RepA.Name);

        // The link works once.
        var again = await NewPageAsync(host);
        await again.GotoAsync(link.Value);
        await again.Locator("#password").FillAsync(NewPassword + " again");
        await again.Locator("#confirm").FillAsync(NewPassword + " again");
        await again.GetByTestId("save-password").ClickAsync();
        await Expect(again.GetByTestId("password-error")).ToBeVisibleAsync();
    });

    [Fact]
    public Task DisableAccount_PersonSignedIn_TheirNextNavigationLandsOnSignIn() => RunAsync(async () =>
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["Security:SecurityStampCheckSeconds"] = "2" });
        var world = await host.CreateWorldAsync();
        var person = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await MenuLink(person, "People").ClickAsync();
        await Expect(Rows(person.GetByTestId("people-grid")).First).ToBeVisibleAsync();

        var admin = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await MenuLink(admin, "Accounts").ClickAsync();
        var grid = admin.GetByTestId("accounts-grid");
        await Expect(Rows(grid).First).ToBeVisibleAsync();
        await admin.GetByTestId("accounts-search").FillAsync(world.RepA.Email!);
        await Expect(Rows(grid)).ToHaveCountAsync(1); // the search has run: no click lands on a row being replaced
        var row = Rows(grid).Filter(new LocatorFilterOptions { HasText = world.RepA.Email! });
        await row.GetByTestId("disable").ClickAsync();
        await Expect(admin.GetByTestId("account-message")).ToContainTextAsync("disabled");
        await Expect(row.GetByTestId("account-state")).ToHaveTextAsync("disabled");

        // Within a few seconds (the stamp is checked every 2 s here), the person's next navigation lands on sign-in.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!LoginUrl().IsMatch(person.Url) && DateTime.UtcNow < deadline)
        {
            await person.GotoAsync("people");
            if (!LoginUrl().IsMatch(person.Url)) await Task.Delay(500);
        }

        await Expect(person).ToHaveURLAsync(LoginUrl());
        await Expect(person.GetByTestId("people-grid")).ToHaveCountAsync(0);

        // …and they cannot sign in again.
        await SubmitSignInAsync(person, world.RepA.Email!, TestWorld.Password);
        await Expect(person.GetByTestId("login-error")).ToBeVisibleAsync();
        await Expect(person).ToHaveURLAsync(LoginUrl());
    });

    [Fact]
    public Task DisableAccount_LivePageThatNeverNavigates_LandsOnSignIn() => RunAsync(async () =>
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["Security:SecurityStampCheckSeconds"] = "1" });
        var world = await host.CreateWorldAsync();
        var person = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await MenuLink(person, "People").ClickAsync();
        await Expect(Rows(person.GetByTestId("people-grid")).First).ToBeVisibleAsync();
        await Expect(person.GetByTestId("interactive")).ToHaveCountAsync(1);

        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using var disabled = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/disable", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, disabled.StatusCode);

        // No click, no navigation: the live connection's own check (every second here) signs the page out.
        await Expect(person).ToHaveURLAsync(LoginUrl(), new PageAssertionsToHaveURLOptions { Timeout = 15_000 });
        await Expect(person.GetByTestId("people-grid")).ToHaveCountAsync(0);
    });

    private static void AssertNoSecret(string text, IEnumerable<string> secrets, string where)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The reset link or its token shows in {where}.");
        }
    }

    private static void AssertNoSecret(byte[] bytes, IEnumerable<string> secrets, string where)
    {
        foreach (var secret in secrets)
        {
            Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0, $"The reset link or its token shows in {where}.");
        }
    }

    /// <summary>Keeps every HTTP response body and every live-connection frame the page receives.</summary>
    private static Recording Record(IPage page)
    {
        var recording = new Recording();
        page.Response += (_, response) => recording.Pending.Add(ReadAsync(response));
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            recording.Frames.Add(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
        return recording;
    }

    private static async Task<(string Url, string Body)> ReadAsync(IResponse response)
    {
        try
        {
            return (response.Url, await response.TextAsync());
        }
        catch (PlaywrightException)
        {
            // Redirects and aborted requests have no body.
            return (response.Url, "");
        }
    }

    private sealed class Recording
    {
        public ConcurrentBag<Task<(string Url, string Body)>> Pending { get; } = [];

        public ConcurrentBag<byte[]> Frames { get; } = [];

        public async Task<(IReadOnlyList<(string Url, string Body)> Responses, IReadOnlyList<byte[]> Frames)> AllAsync() =>
            (await Task.WhenAll(Pending), Frames.ToList());
    }

    [GeneratedRegex(@"https?://\S+/account/set-password\?user=[0-9a-fA-F-]+&token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex SetPasswordLink();
}
