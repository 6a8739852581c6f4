using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.Web.Hosting;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>The first admin of an install where passwords are off: made on /setup without a password, in through the company sign-in.</summary>
public partial class CompanySignInTests
{
    [Fact]
    public async Task PasswordsOff_SetupMakesTheFirstAdminWithoutAPassword_WhoSignsInWithTheCompany()
    {
        await using var oidc = await TestOidcProvider.StartAsync();
        await using var host = await StartAsync(oidc, localPasswords: false);
        var code = host.Services.GetRequiredService<SetupCode>().Open();
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/setup");
        Assert.Contains("data-testid=\"setup-no-password\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value, ["_handler"] = "setup",
            ["Input.Code"] = code, ["Input.Name"] = "Olga Owner", ["Input.Email"] = "olga@example.com",
        };
        using var setup = await client.PostAsync("/setup", new FormUrlEncodedContent(fields));
        var done = WebUtility.HtmlDecode(await setup.Content.ReadAsStringAsync());
        Assert.Matches(new Regex("Olga Owner \\(olga@example.com\\) is an admin and signs in with the company sign-in"), done);

        oidc.User = new TestOidcUser("sub-olga", "olga@example.com");
        var (admin, landed) = await CompanySignInAsync(host, returnUrl: "/admin/accounts");
        using (admin)
        {
            Assert.Equal("/admin/accounts", landed.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/accounts")).StatusCode);
        }
    }
}
