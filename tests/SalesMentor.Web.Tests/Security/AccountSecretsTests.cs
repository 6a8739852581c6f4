using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Features.Audit;
using SalesMentor.App.Features.Outbox;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// DESIGN.md's threat model: an admin cannot become someone else. Invitation and reset links go to
/// the person's own mailbox (or, with no mail server, to the server log) — never to the admin's
/// screen, the outbox view, the audit log, or any other log line.
/// </summary>
public partial class AccountSecretsTests
{
    [Fact]
    public async Task ResetPassword_AsAdmin_TheLinkIsOnlyInThePersonsMail()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var response = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();

        var mail = await host.Smtp.WaitForAsync(world.RepA.Email!, m => (m.Subject ?? "").Contains("Reset", StringComparison.Ordinal));
        var secret = await LinkOfAsync(host, mail, world.RepA);
        await AssertNowhereButTheMailAsync(host, admin, secret, answer);
    }

    [Fact]
    public async Task Invite_AsAdmin_TheLinkIsOnlyInThePersonsMail()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        var invitee = await TestHttp.AddPersonAsync(host, "Ivy Invitee", "ivy@world.test");
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var response = await admin.PostAsync($"/api/accounts/{invitee.Id}/invite", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Equal(AccountState.Invited, (await response.Content.ReadFromJsonAsync<AccountActionResult>())!.State);

        var mail = await host.Smtp.WaitForAsync("ivy@world.test", m => (m.Subject ?? "").Contains("invited", StringComparison.Ordinal));
        var secret = await LinkOfAsync(host, mail, invitee);
        await AssertNowhereButTheMailAsync(host, admin, secret, answer);
    }

    [Fact]
    public async Task ResetPassword_NoMailServer_TheLinkGoesOnlyToTheServerLog()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Mail:Host"] = "" });
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        using var response = await admin.PostAsync($"/api/accounts/{world.RepA.Id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Contains("server log", answer, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        Match link;
        while (!(link = LinkPattern().Match(host.Logs.All)).Success && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(100);
        Assert.True(link.Success, "the reset link never reached the server log");
        var secret = new Secret(link.Value, link.Groups["token"].Value, Decode(link.Groups["token"].Value));
        var lines = host.Logs.Lines.Where(l => l.Contains(secret.Encoded, StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains(world.RepA.Email!, lines[0], StringComparison.Ordinal);
        Assert.Empty(host.Smtp.Messages);

        var outbox = await admin.GetFromJsonAsync<OutboxSummary>("/api/outbox");
        Assert.Equal(OutboxStatus.Logged, Assert.Single(outbox!.Messages.Items).Status);
        await AssertNotOnTheAdminsScreenAsync(admin, secret, answer);
        await AssertTokenIsRealAsync(host, world.RepA, secret);
    }

    [Fact]
    public async Task AccountActions_EachAdminAction_IsAuditedAndMailsThePerson()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var id = world.RepA.Id;
        var actions = new (string Method, string Path, string Audit, string Notice)[]
        {
            ("POST", $"/api/accounts/{id}/disable", "account.disable", "Your SalesMentor account was disabled"),
            ("POST", $"/api/accounts/{id}/enable", "account.enable", "Your SalesMentor account was enabled again"),
            ("POST", $"/api/accounts/{id}/admin", "account.grant_admin", "You were made a SalesMentor admin"),
            ("DELETE", $"/api/accounts/{id}/admin", "account.revoke_admin", "Your SalesMentor admin role was removed"),
        };
        foreach (var (method, path, _, _) in actions)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await admin.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var audit = (await admin.GetFromJsonAsync<Paged<AuditRow>>("/api/audit?action=account.&pageSize=100"))!.Items;
        foreach (var (method, path, action, notice) in actions)
        {
            var row = Assert.Single(audit, a => a.Action == action);
            Assert.Equal(id.ToString(), row.ResourceId);
            Assert.Equal(world.Admin.Name, row.ActorName);
            var mail = await host.Smtp.WaitForAsync(world.RepA.Email!, m => (m.TextBody ?? "").Contains(notice, StringComparison.Ordinal));
            Assert.Contains($"by {world.Admin.Name}", mail.TextBody, StringComparison.Ordinal);
        }

        Assert.Equal(4, host.Smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address == world.RepA.Email)));
    }

    private sealed record Secret(string Link, string Encoded, string Decoded);

    private static async Task<Secret> LinkOfAsync(WebTestHost host, MimeMessage mail, Person person)
    {
        var link = LinkPattern().Match(mail.TextBody ?? "");
        Assert.True(link.Success, "no set-password link in: " + mail.TextBody);
        var secret = new Secret(link.Value, link.Groups["token"].Value, Decode(link.Groups["token"].Value));
        await AssertTokenIsRealAsync(host, person, secret);
        return secret;
    }

    /// <summary>The token in the link is the real one: it sets the password (so the "appears nowhere" checks are about the real secret).</summary>
    private static async Task AssertTokenIsRealAsync(WebTestHost host, Person person, Secret secret)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(person.Email!))!;
        Assert.True(await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, "ResetPassword", secret.Decoded),
            "the link's token is not a valid reset token");
    }

    private static async Task AssertNowhereButTheMailAsync(WebTestHost host, HttpClient admin, Secret secret, string apiAnswer)
    {
        await AssertNotOnTheAdminsScreenAsync(admin, secret, apiAnswer);
        var logged = host.Logs.Lines.Where(l => Contains(l, secret)).ToList();
        Assert.True(logged.Count == 0, "the link reached the log although a mail server is configured:\n" + string.Join("\n", logged));
    }

    private static async Task AssertNotOnTheAdminsScreenAsync(HttpClient admin, Secret secret, string apiAnswer)
    {
        var seen = new Dictionary<string, string>
        {
            ["the API answer"] = apiAnswer,
            ["GET /api/outbox"] = await admin.GetStringAsync("/api/outbox?pageSize=500"),
            ["GET /api/audit"] = await admin.GetStringAsync("/api/audit?pageSize=500"),
            ["GET /api/accounts"] = await admin.GetStringAsync("/api/accounts?pageSize=500"),
            ["page /admin/accounts"] = await admin.GetStringAsync("/admin/accounts"),
            ["page /admin/outbox"] = await admin.GetStringAsync("/admin/outbox"),
            ["page /admin/audit"] = await admin.GetStringAsync("/admin/audit"),
        };
        foreach (var (where, text) in seen)
        {
            Assert.False(Contains(text, secret), $"the one-time link or its token appears in {where}");
            Assert.DoesNotContain("set-password?", text, StringComparison.Ordinal);
        }
    }

    private static bool Contains(string text, Secret secret) =>
        text.Contains(secret.Encoded, StringComparison.Ordinal) || text.Contains(secret.Decoded, StringComparison.Ordinal)
        || text.Contains(Uri.EscapeDataString(secret.Decoded), StringComparison.Ordinal)
        || text.Contains(System.Text.Json.JsonSerializer.Serialize(secret.Decoded).Trim('"'), StringComparison.Ordinal);

    private static string Decode(string encoded) => Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));

    [GeneratedRegex(@"https?://[^\s]+/account/set-password\?user=(?<user>[0-9a-fA-F-]+)&token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
