using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;

namespace SalesMentor.App.Tests.Cli;

/// <summary><c>salesmentor admin create</c> with local passwords switched off: no password asked, none accepted.</summary>
[Collection(nameof(CommandLineRuns))]
public class AdminCreateCommandTests
{
    private static readonly Dictionary<string, string?> PasswordsOff = new() { ["Authentication:LocalPasswords:Enabled"] = "false" };

    [Fact]
    public async Task AdminCreate_PasswordsOff_CreatesAnAdminWithoutAPassword_AndRefusesOneOnStdin()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var settings = new Dictionary<string, string?>(app.Database.Settings);
        foreach (var (key, value) in PasswordsOff) settings[key] = value;
        CliHost.Overrides.Value = settings;

        var refused = await CliProgram.Root().Parse(["admin", "create", "--email", "olga@example.com", "--name", "Olga Owner", "--password-stdin"]).InvokeAsync();
        Assert.Equal(2, refused);
        Assert.False(await app.InScopeAsync(s => s.Db.Users.AnyAsync()));

        var created = await CliProgram.Root().Parse(["admin", "create", "--email", "olga@example.com", "--name", "Olga Owner"]).InvokeAsync();
        Assert.Equal(0, created);
        await using var scope = app.Scope();
        var users = scope.Get<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync("olga@example.com");
        Assert.NotNull(user);
        Assert.Null(user.PasswordHash);
        Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
    }

    [Theory, BothProviders]
    public async Task CreateAdmin_PasswordsOff_RefusesAPassword_AndSaysHowTheAdminSignsIn(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, PasswordsOff);

        var withPassword = await app.InScopeAsync(s => s.Get<CreateAdmin>().HandleAsync(Common.Actor.CommandLine, new CreateAdminRequest("o@example.com", "Olga", "twelve chars ok"), default));
        Assert.Equal(("admin.password", CreateAdmin.PasswordsOff), (withPassword.Error?.Code, withPassword.Error?.Message));
        Assert.False(await app.InScopeAsync(s => s.Db.People.AnyAsync()));

        var without = await app.InScopeAsync(s => s.Get<CreateAdmin>().HandleAsync(Common.Actor.CommandLine, new CreateAdminRequest("o@example.com", "Olga", null), default));
        Assert.True(without.IsSuccess, without.Error?.Message);
        Assert.Contains("signs in with the company sign-in", without.Value.Message, StringComparison.Ordinal);
    }
}
