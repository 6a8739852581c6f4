using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>Signing in and out, lockout, and what a person who is not an admin can reach.</summary>
public class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string WrongPassword = "not my password at all";

    [Fact]
    public Task SignIn_WrongPasswordUntilTheLimit_FailsClearlyThenLocksEvenTheRightPassword() => RunAsync(async () =>
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["Security:MaxFailedAccessAttempts"] = "3" });
        var world = await host.CreateWorldAsync();
        var email = world.RepA.Email!;
        var page = await NewPageAsync(host);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var answer = await SubmitSignInAsync(page, email, WrongPassword);
            Assert.Equal(200, answer.Status);
            Assert.Contains("Wrong email or password.", await answer.TextAsync(), StringComparison.Ordinal);
            await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Wrong email or password.");
            await Expect(page).ToHaveURLAsync(LoginUrl());
            Assert.Equal(attempt, await QueryAsync(host, db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync()));
        }

        // The third failure locks the account, and says so.
        var locking = await SubmitSignInAsync(page, email, WrongPassword);
        Assert.Contains("this account is locked", await locking.TextAsync(), StringComparison.Ordinal);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("Too many failed attempts: this account is locked");
        var lockedUntil = await QueryAsync(host, db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedUntil > DateTimeOffset.UtcNow, $"The account should be locked; LockoutEnd is {lockedUntil}.");

        // Now even the right password is refused with the lockout message, and no session starts.
        var refused = await SubmitSignInAsync(page, email, TestWorld.Password);
        Assert.Equal(200, refused.Status);
        Assert.Contains("this account is locked", await refused.TextAsync(), StringComparison.Ordinal);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("this account is locked");
        await page.GotoAsync("people");
        await Expect(page).ToHaveURLAsync(LoginUrl());

        // Someone else's account is untouched.
        var other = await NewPageAsync(host);
        await SignInAsync(other, world.RepB.Email!, TestWorld.Password);
    });

    [Fact]
    public Task SignOut_ThenProtectedPage_RedirectsToSignIn() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(world.RepA.Name);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name.Contains(Hosting.WebServices.AuthCookieName, StringComparison.Ordinal));

        await page.GotoAsync("people");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/login\?returnUrl=%2Fpeople$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Expect(page.GetByTestId("people-grid")).ToHaveCountAsync(0);

        // Signing in again from there returns to the page asked for.
        await SignInAsync(page, world.RepA.Email!, TestWorld.Password);
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "people").ToString());
        await Expect(Rows(page.GetByTestId("people-grid")).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task AdminAccounts_NonAdmin_SeesNotVisibleAndNoAdminMenu() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);

        await Expect(MenuLink(page, "People")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-navmenu").GetByText("Admin", new LocatorGetByTextOptions { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator("a[href='admin/accounts']")).ToHaveCountAsync(0);

        // Typed into the address bar: a full request for the page, refused before any page renders.
        await page.GotoAsync("admin/accounts");
        await Expect(page.GetByTestId("not-found")).ToContainTextAsync("does not exist, or is not visible to you");
        await Expect(page.GetByTestId("already-signed-in")).ToContainTextAsync(world.RepA.Name);
        await Expect(page.GetByTestId("sign-in")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("accounts-grid")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Accounts" })).ToHaveCountAsync(0);

        // Reached inside the live page (no new request), the answer is the same.
        await GotoAsync(page, "");
        await page.EvaluateAsync("() => Blazor.navigateTo('admin/accounts')");
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "admin/accounts").ToString());
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("accounts-grid")).ToHaveCountAsync(0);
    });
}
