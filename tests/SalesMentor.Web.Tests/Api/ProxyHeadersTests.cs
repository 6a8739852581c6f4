using System.Net;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary>
/// Forwarded headers are believed from the configured proxy only: then the client's address counts
/// for the sign-in rate limit and HTTPS at the proxy makes the app build https links; from anyone
/// else (or with no proxy configured) they change nothing.
/// </summary>
public class ProxyHeadersTests
{
    private static Dictionary<string, string?> Settings(string? proxies) => new()
    {
        ["ReverseProxy:KnownProxies"] = proxies,
        ["Security:LoginRatePermitLimit"] = "2",
        ["Security:LoginRateWindowSeconds"] = "300",
    };

    [Theory]
    [InlineData("127.0.0.1, ::1", "https://")]
    [InlineData(null, "http://")]
    [InlineData("10.9.9.9", "http://")]
    public async Task ForwardedProto_IsBelievedFromTheKnownProxyOnly(string? proxies, string scheme)
    {
        await using var host = await WebTestHost.StartAsync(settings: Settings(proxies));
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/people") { Headers = { { "X-Forwarded-Proto", "https" } } };
        using var page = new HttpRequestMessage(HttpMethod.Get, "/people") { Headers = { { "X-Forwarded-Proto", "https" } } };
        using var response = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(scheme, response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData(null, true)]
    public async Task SignInRateLimit_CountsTheForwardedClient_OnlyBehindTheKnownProxy(string? proxies, bool secondClientLimited)
    {
        await using var host = await WebTestHost.StartAsync(settings: Settings(proxies));
        async Task<HttpStatusCode> AttemptAsync(string clientAddress)
        {
            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "nobody@world.test", ["Input.Password"] = "wrong" });
            using var response = await client.PostAsync("/account/login", form);
            return response.StatusCode;
        }

        for (var i = 0; i < 2; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.5"));
        Assert.Equal(secondClientLimited, await AttemptAsync("198.51.100.9") == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task BadProxyAddress_StopsTheAppWithAClearMessage()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await WebTestHost.StartAsync(settings: Settings("not-an-address")));
        Assert.Contains("ReverseProxy:KnownProxies holds 'not-an-address'", error.ToString(), StringComparison.Ordinal);
    }
}
