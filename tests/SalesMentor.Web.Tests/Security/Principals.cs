using System.Net;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Hosting;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>The cast of the matrix, mapped onto the people of <see cref="TestWorld"/>.</summary>
internal static class Principals
{
    public static Person? PersonOf(TestWorld world, Principal principal) => AuthorizationMatrix.OwnerOf(principal) switch
    {
        Principal.Admin => world.Admin,
        Principal.RepA => world.RepA,
        Principal.RepB => world.RepB,
        Principal.SupervisorA => world.SupervisorA,
        Principal.SupervisorB => world.SupervisorB,
        Principal.Vp => world.Vp,
        Principal.Disabled => world.Disabled,
        _ => null,
    };

    /// <summary>
    /// A client calling as <paramref name="principal"/>: signed in through the real form with the
    /// API's antiforgery header, or — for anonymous and the disabled account, whose sign-in the form
    /// refuses — signed in as nobody.
    /// </summary>
    public static async Task<HttpClient> ClientAsync(WebTestHost host, TestWorld world, Principal principal)
    {
        if (principal == Principal.Anonymous) return host.CreateClient();
        var person = PersonOf(world, principal)!;
        if (AuthorizationMatrix.OwnerOf(principal) != principal) return await TokenClientAsync(host, person, principal);
        if (principal != Principal.Disabled) return await host.SignedInClientAsync(person.Email!);

        var client = host.CreateClient();
        var response = await WebTestHost.SignInAsync(client, person.Email!, TestWorld.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(WebServices.AuthCookieName + "=", StringComparison.Ordinal));
        return client;
    }

    /// <summary>A client with only a bearer token of <paramref name="person"/>: valid, or revoked, or expired, as the principal says.</summary>
    private static async Task<HttpClient> TokenClientAsync(WebTestHost host, Person person, Principal principal)
    {
        var write = principal is Principal.RepATokenWrite or Principal.AdminTokenWrite;
        var token = await TestTokens.InsertAsync(host, person, write ? ApiTokenScope.ReadWrite : ApiTokenScope.Read, principal.ToString());
        if (principal == Principal.RevokedToken) await TestTokens.RevokeAsync(host, person, token.Id);
        if (principal == Principal.ExpiredToken) await TestTokens.ExpireAsync(host, token.Id);
        return TestTokens.Client(host, token.Secret);
    }

    /// <summary>The record a row is called with; see <see cref="Target"/>.</summary>
    public static Guid RecordId(TestWorld world, Principal principal, Target target, Guid missing, Guid importRun, Guid repBToken = default) => target switch
    {
        Target.ImportRun => importRun,
        Target.RepBToken => repBToken,
        Target.Own => (PersonOf(world, principal) ?? world.RepA).Id.Value,
        Target.Other => (AuthorizationMatrix.OwnerOf(principal) == Principal.RepA ? world.RepB : world.RepA).Id.Value,
        Target.Missing => missing,
        _ => Guid.Empty,
    };
}
