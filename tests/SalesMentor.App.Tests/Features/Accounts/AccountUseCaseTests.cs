using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Accounts;

public class AccountUseCaseTests
{
    private static async Task<(TestApp App, TestWorld World, Person Newcomer)> WorldWithNewcomerAsync(Provider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var newcomer = new Person { Name = "Nia Newcomer", Email = "nia@world.test", ManagerId = world.SupervisorA.Id };
        newcomer.RefreshKeys();
        await app.SeedAsync(db => db.People.Add(newcomer));
        return (app, world, newcomer);
    }

    private static string LinkIn(string body) => body.Split('\n').Single(l => l.Contains(AccountLinks.SetPasswordPath, StringComparison.Ordinal)).Trim();

    [Theory, BothProviders]
    public async Task Invite_MailsAOneTimeLinkToThePersonOnly(Provider provider)
    {
        var (app, world, newcomer) = await WorldWithNewcomerAsync(provider);
        await using var _ = app;
        var admin = TestApp.As(world.Admin, admin: true);

        var result = await app.InScopeAsync(s => s.Get<InviteAccount>().HandleAsync(admin, newcomer.Id, "https://sm.example", default));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(AccountState.Invited, result.Value.State);
        Assert.DoesNotContain("set-password", result.Value.Message, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var mail = await scope.Db.Outbox.SingleAsync(m => m.Category == "invitation");
        Assert.Equal("nia@world.test", mail.ToAddress);
        Assert.StartsWith("https://sm.example/account/set-password?user=", LinkIn(mail.TextBody), StringComparison.Ordinal);
        var audit = await scope.Db.AuditEvents.SingleAsync(a => a.Action == "account.invite");
        Assert.Equal(world.Admin.Name, audit.ActorName);
        Assert.Equal(newcomer.Id.ToString(), audit.ResourceId);
    }

    [Theory, BothProviders]
    public async Task SetPassword_WithTheLink_WorksOnceAndActivatesTheAccount(Provider provider)
    {
        var (app, world, newcomer) = await WorldWithNewcomerAsync(provider);
        await using var _ = app;
        await app.InScopeAsync(s => s.Get<InviteAccount>().HandleAsync(TestApp.As(world.Admin, true), newcomer.Id, "http://x", default));
        var link = await app.InScopeAsync(async s => LinkIn((await s.Db.Outbox.SingleAsync()).TextBody));
        var query = HttpUtility.ParseQueryString(new Uri(link).Query);
        var request = new SetPasswordRequest(Guid.Parse(query["user"]!), query["token"], "a long enough passphrase", "a long enough passphrase");

        var first = await app.InScopeAsync(s => s.Get<SetPassword>().HandleAsync(request, default));
        var second = await app.InScopeAsync(s => s.Get<SetPassword>().HandleAsync(request with { Password = "another passphrase!", ConfirmPassword = "another passphrase!" }, default));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal("password.link", second.Error?.Code);
        await using var scope = app.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("nia@world.test");
        Assert.True(await users.CheckPasswordAsync(user!, "a long enough passphrase"));
    }

    [Theory]
    [InlineData("short", "password.weak")]
    [InlineData("", "password.weak")]
    public async Task SetPassword_TooShort_IsRefused(string password, string code)
    {
        var (app, world, newcomer) = await WorldWithNewcomerAsync(Provider.Sqlite);
        await using var _ = app;
        await app.InScopeAsync(s => s.Get<InviteAccount>().HandleAsync(TestApp.As(world.Admin, true), newcomer.Id, "http://x", default));
        var link = await app.InScopeAsync(async s => LinkIn((await s.Db.Outbox.SingleAsync()).TextBody));
        var query = HttpUtility.ParseQueryString(new Uri(link).Query);
        var result = await app.InScopeAsync(s => s.Get<SetPassword>().HandleAsync(new SetPasswordRequest(Guid.Parse(query["user"]!), query["token"], password, password), default));
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public async Task SetPassword_TamperedToken_IsRefused()
    {
        var (app, world, _) = await WorldWithNewcomerAsync(Provider.Sqlite);
        await using var __ = app;
        var user = await app.InScopeAsync(async s => await s.Db.Users.SingleAsync(u => u.PersonId == world.RepA.Id));
        var result = await app.InScopeAsync(s => s.Get<SetPassword>().HandleAsync(new SetPasswordRequest(user.Id, "bm90LWEtdG9rZW4", "a long enough passphrase", "a long enough passphrase"), default));
        Assert.Equal("password.link", result.Error?.Code);
        await using var scope = app.Scope();
        Assert.True(await scope.Get<UserManager<AppUser>>().CheckPasswordAsync((await scope.Get<UserManager<AppUser>>().FindByIdAsync(user.Id.ToString()))!, TestWorld.Password));
    }

    [Theory, BothProviders]
    public async Task Disable_ChangesTheSecurityStampAndTellsThePerson(Provider provider)
    {
        var (app, world, _) = await WorldWithNewcomerAsync(provider);
        await using var __ = app;
        var before = await app.InScopeAsync(s => s.Db.Users.Where(u => u.PersonId == world.RepA.Id).Select(u => u.SecurityStamp).SingleAsync());

        var result = await app.InScopeAsync(s => s.Get<SetAccountDisabled>().HandleAsync(TestApp.As(world.Admin, true), world.RepA.Id, true, default));

        Assert.Equal(AccountState.Disabled, result.Value.State);
        await using var scope = app.Scope();
        var user = await scope.Db.Users.SingleAsync(u => u.PersonId == world.RepA.Id);
        Assert.True(user.IsDisabled);
        Assert.NotEqual(before, user.SecurityStamp);
        Assert.Contains(await scope.Db.Outbox.ToListAsync(), m => m.ToAddress == world.RepA.Email && m.Category == "account-notice" && m.TextBody.Contains("disabled", StringComparison.Ordinal));
        Assert.True(await scope.Db.AuditEvents.AnyAsync(a => a.Action == "account.disable"));
    }

    [Fact]
    public async Task AdminActions_ByNonAdmin_AreForbiddenAndChangeNothing()
    {
        var (app, world, newcomer) = await WorldWithNewcomerAsync(Provider.Sqlite);
        await using var _ = app;
        var rep = TestApp.As(world.SupervisorA);
        var invite = await app.InScopeAsync(s => s.Get<InviteAccount>().HandleAsync(rep, newcomer.Id, null, default));
        var reset = await app.InScopeAsync(s => s.Get<ResetAccountPassword>().HandleAsync(rep, world.RepA.Id, null, default));
        var disable = await app.InScopeAsync(s => s.Get<SetAccountDisabled>().HandleAsync(rep, world.RepA.Id, true, default));
        Assert.All(new[] { invite.Error, reset.Error, disable.Error }, e => Assert.Equal(ErrorKind.Forbidden, e?.Kind));
        await using var scope = app.Scope();
        Assert.Empty(await scope.Db.Outbox.ToListAsync());
        Assert.False(await scope.Db.Users.AnyAsync(u => u.PersonId == newcomer.Id));
    }

    [Fact]
    public async Task Disable_Self_IsRefused()
    {
        var (app, world, _) = await WorldWithNewcomerAsync(Provider.Sqlite);
        await using var __ = app;
        var result = await app.InScopeAsync(s => s.Get<SetAccountDisabled>().HandleAsync(TestApp.As(world.Admin, true), world.Admin.Id, true, default));
        Assert.Equal("account.self", result.Error?.Code);
    }

    [Theory, BothProviders]
    public async Task RequestPasswordReset_SameAnswerWhetherOrNotTheAccountExists(Provider provider)
    {
        var (app, world, _) = await WorldWithNewcomerAsync(provider);
        await using var __ = app;
        var known = await app.InScopeAsync(s => s.Get<RequestPasswordReset>().HandleAsync(world.RepA.Email, "http://x", default));
        var unknown = await app.InScopeAsync(s => s.Get<RequestPasswordReset>().HandleAsync("nobody@world.test", "http://x", default));
        Assert.Equal(known.Value, unknown.Value);
        await using var scope = app.Scope();
        Assert.Equal(world.RepA.Email, (await scope.Db.Outbox.SingleAsync()).ToAddress);
    }

    [Theory, BothProviders]
    public async Task CreateAdmin_CreatesThePersonAndTheAdminAccount(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var result = await app.InScopeAsync(s => s.Get<CreateAdmin>().HandleAsync(Actor.CommandLine, new CreateAdminRequest("Owner@Example.com", "Olga Owner", "twelve chars ok"), default));
        Assert.True(result.IsSuccess, result.Error?.Message);
        await using var scope = app.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("owner@example.com");
        Assert.True(await users.IsInRoleAsync(user!, Roles.Admin));
        Assert.Equal("Olga Owner", (await scope.Db.People.SingleAsync()).Name);
        Assert.Equal("command line", (await scope.Db.AuditEvents.SingleAsync()).ActorKind);
    }

    [Theory]
    [InlineData("not-an-email", "Olga", "twelve chars ok", "admin.email")]
    [InlineData("o@example.com", "Olga", "short", "admin.password")]
    [InlineData("o@example.com", "", "twelve chars ok", "admin.name")]
    public async Task CreateAdmin_BadInput_IsRefusedAndNothingIsStored(string email, string name, string password, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var result = await app.InScopeAsync(s => s.Get<CreateAdmin>().HandleAsync(Actor.CommandLine, new CreateAdminRequest(email, name, password), default));
        Assert.Equal(code, result.Error?.Code);
        await using var scope = app.Scope();
        Assert.False(await scope.Db.People.AnyAsync());
        Assert.False(await scope.Db.Users.AnyAsync());
    }
}
