using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ApiTokens;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.ApiTokens;

/// <summary>
/// The token check is kept per instance (<see cref="ApiTokenCache"/>), and every write that matters — revoking, an
/// expiry moved, disabling the account, a role given or taken, the token deleted, whether through a use case, EF or
/// plain SQL — is seen by the very next call (the <c>tokens</c> counter of migration CacheCounters).
/// </summary>
public class ApiTokenCheckCacheTests
{
    private static Task<(ApiTokenIdentity? Identity, ApiTokenRefusal Refusal)> Check(TestApp app, string secret) =>
        app.InScopeAsync(s => s.Get<ApiTokenValidator>().ValidateAsync(secret, default));

    private static async Task<CreatedApiToken> Create(TestApp app, Person person, int days = 30)
    {
        var result = await app.InScopeAsync(s => s.Get<CreateApiToken>()
            .HandleAsync(Actor.User(person.Id, person.Name, isAdmin: false), new CreateApiTokenRequest("cache test", ApiTokenScope.Read, days), default));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static Task<int> Sql(TestApp app, FormattableString sql) =>
        app.InScopeAsync(s => s.Db.Database.ExecuteSqlInterpolatedAsync(sql));

    [Theory, BothProviders]
    public async Task RepeatedCalls_ShareOneStoredToken_AndUsingItDoesNotInvalidate(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var token = await Create(app, world.RepA);
        var hash = ApiTokenSecret.Hash(token.Secret);
        var cache = app.Services.GetRequiredService<ApiTokenCache>();

        Assert.NotNull((await Check(app, token.Secret)).Identity); // writes the last-used time
        var first = await app.InScopeAsync(s => cache.FindAsync(s.Db, hash, default));
        Assert.NotNull((await Check(app, token.Secret)).Identity);
        var second = await app.InScopeAsync(s => cache.FindAsync(s.Db, hash, default));

        Assert.Same(first, second);
        var stored = await app.InScopeAsync(s => s.Db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Token.Id));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.LastUsedAt);
    }

    [Theory, BothProviders]
    public async Task Revoking_TakesEffectOnTheNextCall_ThroughTheUseCaseOrSql(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var viaUseCase = await Create(app, world.RepA);
        var viaSql = await Create(app, world.RepA);
        Assert.NotNull((await Check(app, viaUseCase.Secret)).Identity);
        Assert.NotNull((await Check(app, viaSql.Secret)).Identity);

        var revoked = await app.InScopeAsync(s => s.Get<RevokeApiToken>()
            .HandleAsync(Actor.User(world.RepA.Id, world.RepA.Name, isAdmin: false), viaUseCase.Token.Id, default));
        Assert.True(revoked.IsSuccess, revoked.Error?.Message);
        Assert.Equal(ApiTokenRefusal.Revoked, (await Check(app, viaUseCase.Secret)).Refusal);
        Assert.NotNull((await Check(app, viaSql.Secret)).Identity);

        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InScopeAsync(s => s.Db.ApiTokens.Where(t => t.Id == viaSql.Token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now)));
        var refused = await Check(app, viaSql.Secret);
        Assert.Null(refused.Identity);
        Assert.Equal(ApiTokenRefusal.Revoked, refused.Refusal);
    }

    [Theory, BothProviders]
    public async Task Expiring_TakesEffectOnTheNextCall_ByTimeOrByAWrite(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var byTime = await Create(app, world.RepA, days: 1);
        var byWrite = await Create(app, world.RepA, days: 30);
        Assert.NotNull((await Check(app, byTime.Secret)).Identity);
        Assert.NotNull((await Check(app, byWrite.Secret)).Identity);

        var past = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await app.InScopeAsync(s => s.Db.ApiTokens.Where(t => t.Id == byWrite.Token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, past)));
        Assert.Equal(ApiTokenRefusal.Expired, (await Check(app, byWrite.Secret)).Refusal);
        Assert.NotNull((await Check(app, byTime.Secret)).Identity);

        app.Clock.Advance(TimeSpan.FromDays(1));
        var refused = await Check(app, byTime.Secret);
        Assert.Null(refused.Identity);
        Assert.Equal(ApiTokenRefusal.Expired, refused.Refusal);
    }

    [Theory, BothProviders]
    public async Task DisablingTheAccount_TakesEffectOnTheNextCall_AndEnablingItAgainToo(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var token = await Create(app, world.RepA);
        Assert.NotNull((await Check(app, token.Secret)).Identity);

        // Plain SQL, as another instance, a script or the database console would.
        Assert.Equal(1, await Sql(app, $"""UPDATE "AspNetUsers" SET "IsDisabled" = TRUE WHERE "Email" = {world.RepA.Email}"""));
        var refused = await Check(app, token.Secret);
        Assert.Null(refused.Identity);
        Assert.Equal(ApiTokenRefusal.AccountDisabled, refused.Refusal);

        await app.InScopeAsync(async s =>
        {
            var users = s.Get<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(world.RepA.Email!) ?? throw new InvalidOperationException("no account");
            user.IsDisabled = false;
            return await users.UpdateAsync(user);
        });
        Assert.NotNull((await Check(app, token.Secret)).Identity);
    }

    [Theory, BothProviders]
    public async Task GivingOrTakingTheAdminRole_IsSeenByTheNextCall(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var token = await Create(app, world.RepA);
        Assert.False((await Check(app, token.Secret)).Identity!.IsAdmin);

        await app.InScopeAsync(async s =>
        {
            var users = s.Get<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(world.RepA.Email!) ?? throw new InvalidOperationException("no account");
            return await users.AddToRoleAsync(user, Roles.Admin);
        });
        Assert.True((await Check(app, token.Secret)).Identity!.IsAdmin);

        Assert.Equal(1, await Sql(app, $"""DELETE FROM "AspNetUserRoles" WHERE "UserId" IN (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = {world.RepA.Email})"""));
        Assert.False((await Check(app, token.Secret)).Identity!.IsAdmin);
    }

    [Theory, BothProviders]
    public async Task ADeletedToken_OrARenamedPerson_IsSeenByTheNextCall(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var token = await Create(app, world.RepA);
        Assert.Equal(world.RepA.Name, (await Check(app, token.Secret)).Identity!.PersonName);

        Assert.Equal(1, await Sql(app, $"""UPDATE "People" SET "Name" = 'Renamed Rep' WHERE "Email" = {world.RepA.Email}"""));
        Assert.Equal("Renamed Rep", (await Check(app, token.Secret)).Identity!.PersonName);

        Assert.Equal(1, await Sql(app, $"""DELETE FROM "ApiTokens" WHERE "Name" = 'cache test'"""));
        var refused = await Check(app, token.Secret);
        Assert.Null(refused.Identity);
        Assert.Equal(ApiTokenRefusal.Unknown, refused.Refusal);
    }

    [Theory, BothProviders]
    public async Task AWriteThatRollsBack_LeavesTheTokenWorking(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var token = await Create(app, world.RepA);
        Assert.NotNull((await Check(app, token.Secret)).Identity);

        await using (var scope = app.Scope())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            await scope.Db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "AspNetUsers" SET "IsDisabled" = TRUE WHERE "Email" = {world.RepA.Email}""");
            // Inside the transaction the token is already refused...
            Assert.Equal(ApiTokenRefusal.AccountDisabled, (await new ApiTokenValidator(scope.Db, app.Services.GetRequiredService<ApiTokenCache>(), app.Clock, scope.Get<OrgClock>())
                .ValidateAsync(token.Secret, default)).Refusal);
            await transaction.RollbackAsync();
        }

        // ... and after the rollback it works again, even once another write brought the counter to the number the
        // rolled-back one had: what was read inside a transaction is never kept.
        await Create(app, world.RepB);
        Assert.NotNull((await Check(app, token.Secret)).Identity);
    }

    [Theory, BothProviders]
    public async Task PersonLeaving_TakesEffectOnTheNextCall_AndOnTheDayTheyLeave(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var token = await Create(app, world.RepA, days: 60);
        Assert.NotNull((await Check(app, token.Secret)).Identity);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        // A leaving date next week, set in plain SQL: still here, the token works until that day comes.
        var nextWeek = today.AddDays(7);
        Assert.Equal(1, await Sql(app, $"""UPDATE "People" SET "LeftOn" = {nextWeek} WHERE "Email" = {world.RepA.Email}"""));
        Assert.NotNull((await Check(app, token.Secret)).Identity);
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal((null, ApiTokenRefusal.PersonLeft), await Check(app, token.Secret));

        // The date cleared (they came back): the next call works again.
        await app.InScopeAsync(s => s.Db.People.Where(p => p.Id == world.RepA.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.LeftOn, (DateOnly?)null)));
        Assert.NotNull((await Check(app, token.Secret)).Identity);

        // Leaving today, through EF: refused on the very next call.
        await app.InScopeAsync(async s =>
        {
            var person = await s.Db.People.SingleAsync(p => p.Id == world.RepA.Id);
            person.LeftOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            return await s.Db.SaveChangesAsync();
        });
        Assert.Equal((null, ApiTokenRefusal.PersonLeft), await Check(app, token.Secret));
    }
}
