using System.Net;
using Microsoft.Playwright;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>A person makes a token on their API tokens page, uses it, and revokes it there.</summary>
public class ApiTokensPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task CreateShownOnce_UseIt_RevokeIt() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);

        await page.GetByTestId("my-api-tokens").ClickAsync();
        await Expect(page.GetByText("You have no API tokens.")).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);

        // A name is required: the page says so and nothing is made.
        await page.GetByTestId("create-token").ClickAsync();
        await Expect(page.GetByTestId("token-message")).ToContainTextAsync("Give the token a name");
        Assert.Empty(await TestTokens.StoredAsync(host));

        await page.GetByTestId("token-name").FillAsync("Zoë's CRM sync");
        await page.GetByTestId("create-token").ClickAsync();
        var secretBox = page.GetByTestId("token-secret");
        await Expect(secretBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^smt_"));
        var secret = await secretBox.InputValueAsync();
        var row = Rows(page.GetByTestId("token-list")).Filter(new LocatorFilterOptions { HasText = "Zoë's CRM sync" });
        await Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Active");
        await Expect(row).ToContainTextAsync("read");

        using var client = TestTokens.Client(host, secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/people")).StatusCode);

        // Shown once: after a reload only the first characters remain.
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Active");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByTestId("revoke-token").ClickAsync();
        await Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
    });
}
