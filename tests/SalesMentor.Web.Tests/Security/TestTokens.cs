using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ApiTokens;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>Personal access tokens made past the API, and clients that call with them.</summary>
internal static class TestTokens
{
    /// <summary>A token of <paramref name="person"/>, made through the use case as that person's session would.</summary>
    public static async Task<CreatedApiToken> CreateAsync(WebTestHost host, Person person, ApiTokenScope scope, int days = 30, string name = "test token")
    {
        await using var services = host.Services.CreateAsyncScope();
        var result = await services.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(Actor.User(person.Id, person.Name, isAdmin: false), new CreateApiTokenRequest(name, scope, days), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    /// <summary>
    /// A token stored straight into the database (as <see cref="CreateAsync"/> would, but for any
    /// account, a disabled one included); returns its id and secret.
    /// </summary>
    public static async Task<(Guid Id, string Secret)> InsertAsync(WebTestHost host, Person person, ApiTokenScope scope, string name = "test token")
    {
        await using var services = host.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var userId = await db.Users.Where(u => u.PersonId == person.Id).Select(u => u.Id).SingleAsync();
        var secret = App.Security.ApiTokenSecret.Create();
        var token = new ApiToken
        {
            UserId = userId, Name = name, Prefix = App.Security.ApiTokenSecret.PrefixOf(secret), Hash = App.Security.ApiTokenSecret.Hash(secret),
            Scope = scope, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(30),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return (token.Id, secret);
    }

    /// <summary>Moves a token's expiry into the past, as time passing would.</summary>
    public static async Task ExpireAsync(WebTestHost host, Guid tokenId)
    {
        await using var services = host.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var past = DateTime.UtcNow.AddMinutes(-1);
        await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, past));
    }

    public static async Task RevokeAsync(WebTestHost host, Person person, Guid tokenId)
    {
        await using var services = host.Services.CreateAsyncScope();
        var result = await services.ServiceProvider.GetRequiredService<RevokeApiToken>()
            .HandleAsync(Actor.User(person.Id, person.Name, isAdmin: false), tokenId, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    /// <summary>A client with no cookies that sends the token on every call.</summary>
    public static HttpClient Client(WebTestHost host, string secret)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static async Task<List<ApiToken>> StoredAsync(WebTestHost host)
    {
        await using var services = host.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<SalesMentorDb>().ApiTokens.AsNoTracking().ToListAsync();
    }
}
