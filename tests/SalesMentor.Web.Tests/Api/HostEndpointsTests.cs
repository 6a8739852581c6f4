using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary>The host's own endpoints: health, the OpenAPI document and the API reference page (served locally, no CDN).</summary>
public partial class HostEndpointsTests
{
    [Fact]
    public async Task Health_Anonymous_IsHealthy()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_ListsThePeopleApi()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToList();
        Assert.Contains("/api/people", paths);
        Assert.Contains("/api/people/{id}", paths);
        Assert.Contains("/api/settings", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiReference_Page_LoadsItsScriptsFromThisHost()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        using var redirect = await client.GetAsync("/api-reference");
        var path = redirect.StatusCode == HttpStatusCode.OK ? "/api-reference" : new Uri(host.BaseAddress, redirect.Headers.Location!).AbsolutePath;
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();

        var scripts = ScriptSources().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            var url = new Uri(new Uri(host.BaseAddress, path), src);
            Assert.True(url.Authority == host.BaseAddress.Authority, $"the reference page loads a script from elsewhere: {src}");
            using var script = await client.GetAsync(url);
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{src}: {(int)script.StatusCode}");
        }

        Assert.DoesNotMatch(ExternalAsset(), html);
    }

    /// <summary>Requests the framework refuses before any handler runs still get ProblemDetails with a code, like every API error.</summary>
    [Fact]
    public async Task Api_RefusedBeforeAnyHandler_AnswersProblemDetailsWithACode()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var anonymous = host.CreateClient();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using var notSignedIn = await anonymous.GetAsync("/api/settings");
        Assert.Equal("auth.required", await Security.TestHttp.AssertProblemAsync(notSignedIn, HttpStatusCode.Unauthorized));
        using var noRoute = await admin.GetAsync("/api/no-such-thing");
        Assert.Equal("request.not_found", await Security.TestHttp.AssertProblemAsync(noRoute, HttpStatusCode.NotFound));
        using var badQuery = await admin.GetAsync("/api/people?sort=Shoe+size");
        Assert.Equal("request.invalid", await Security.TestHttp.AssertProblemAsync(badQuery, HttpStatusCode.BadRequest));
        using var badJson = await admin.PutAsync("/api/settings", Security.TestHttp.Json("{\"name\":"));
        Assert.Equal("request.invalid", await Security.TestHttp.AssertProblemAsync(badJson, HttpStatusCode.BadRequest));
        using var wrongType = await admin.PutAsync("/api/settings", Security.TestHttp.Json("name=x", "text/plain"));
        Assert.Equal("request.unsupported_media_type", await Security.TestHttp.AssertProblemAsync(wrongType, HttpStatusCode.UnsupportedMediaType));
        using var wrongMethod = await admin.DeleteAsync("/api/settings");
        Assert.Equal("request.method_not_allowed", await Security.TestHttp.AssertProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed));
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();

    /// <summary>Fonts, styles or scripts pulled from another host (a CDN).</summary>
    [GeneratedRegex("<(script|link)[^>]*\\s(src|href)=\"(https?:)?//(?!127\\.0\\.0\\.1|localhost)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}
