using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The standing authorization test of DESIGN.md: every endpoint and page, discovered at run time,
/// × every principal × own / other / missing record. See <see cref="AuthorizationMatrix"/> for the table.
/// </summary>
public class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private static readonly Guid MissingId = Guid.Parse("0199aaaa-0000-7000-8000-00000000dead");

    // The matrix runs each caller's rows in table order; callers that change shared state run last.
    private static readonly Principal[] RunOrder =
        [Principal.Anonymous, Principal.Disabled, Principal.RepA, Principal.RepB, Principal.SupervisorA, Principal.SupervisorB, Principal.Vp, Principal.Admin];

    /// <summary>The host never re-checks the security stamp during a matrix run (an admin grants itself the role it has).</summary>
    private static readonly Dictionary<string, string?> MatrixSettings = new() { ["Security:SecurityStampCheckSeconds"] = "3600" };

    [Fact]
    public async Task Discovery_EveryEndpoint_IsInTheMatrix()
    {
        await using var host = await WebTestHost.StartAsync();
        var discovered = DiscoverEndpoints(host);
        output.WriteLine("Endpoints discovered:\n  " + string.Join("\n  ", discovered.Select(d => $"{d.Key}  ({d.Display})")));

        var known = AuthorizationMatrix.Endpoints.Select(r => r.Key).ToHashSet();
        var pages = AuthorizationMatrix.Pages.Select(p => p.Key).ToHashSet();
        var missing = discovered
            .Where(d => d.IsPage ? !pages.Contains(d.Key) : !known.Contains(d.Key) && !AuthorizationMatrix.Excluded.ContainsKey(d.Key))
            .Select(d => $"{d.Key}  ({d.Display})").ToList();
        Assert.True(missing.Count == 0,
            "These endpoints are not in the authorization matrix; add rows for them to Security/AuthorizationMatrix.cs:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public async Task Discovery_EveryMatrixRow_MatchesAnEndpoint()
    {
        await using var host = await WebTestHost.StartAsync();
        var discovered = DiscoverEndpoints(host).Select(d => d.Key).ToHashSet();
        var stale = AuthorizationMatrix.Endpoints.Where(r => !discovered.Contains(r.Key)).Select(r => r.ToString())
            .Concat(AuthorizationMatrix.Excluded.Keys.Where(k => !discovered.Contains(k)).Select(k => "excluded " + k))
            .Distinct().ToList();
        Assert.True(stale.Count == 0, "These matrix rows match no endpoint of the app (renamed or removed?):\n  " + string.Join("\n  ", stale));
    }

    [Fact]
    public void Discovery_EveryRoutablePage_IsInThePageMatrix()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(a => (Type: t, a.Template)))
            .ToList();
        output.WriteLine("Pages discovered:\n  " + string.Join("\n  ", routes.Select(r => $"{r.Template}  ({r.Type.Name})")));
        Assert.NotEmpty(routes);

        var known = AuthorizationMatrix.Pages.Select(p => p.Key).ToHashSet();
        var missing = routes.Where(r => !known.Contains(AuthorizationMatrix.KeyOf("PAGE", r.Template))).Select(r => $"{r.Template} ({r.Type.FullName})").ToList();
        Assert.True(missing.Count == 0, "These pages are not in the page matrix; add rows to AuthorizationMatrix.Pages:\n  " + string.Join("\n  ", missing));

        var present = routes.Select(r => AuthorizationMatrix.KeyOf("PAGE", r.Template)).ToHashSet();
        var stale = AuthorizationMatrix.Pages.Where(p => !present.Contains(p.Key)).Select(p => p.Route).ToList();
        Assert.True(stale.Count == 0, "These page rows match no page: " + string.Join(", ", stale));
    }

    [Theory]
    [InlineData(SalesDataVisibility.Everyone)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain)]
    public Task Matrix_EveryEndpointPrincipalAndRecord_GetsTheExpectedStatus(SalesDataVisibility visibility) => RunMatrixAsync(visibility, RunOrder);

    /// <summary>The same rows called with personal access tokens only (no cookie): read and read-write tokens of rep A and the admin, revoked, expired, a disabled account's.</summary>
    [Theory]
    [InlineData(SalesDataVisibility.Everyone)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain)]
    public Task Matrix_TokenPrincipals_GetTheExpectedStatus(SalesDataVisibility visibility) => RunMatrixAsync(visibility, AuthorizationMatrix.TokenPrincipals);

    private async Task RunMatrixAsync(SalesDataVisibility visibility, Principal[] runOrder)
    {
        await using var host = await WebTestHost.StartAsync(settings: MatrixSettings);
        var world = await host.CreateWorldAsync();
        if (visibility != SalesDataVisibility.Everyone)
        {
            using var admin = await host.SignedInClientAsync(world.Admin.Email!);
            await TestHttp.SetVisibilityAsync(admin, visibility);
        }

        var rows = AuthorizationMatrix.Endpoints
            .OrderBy(r => r.EndsSession).ToList();
        var importRun = rows.Any(r => r.Target == Target.ImportRun) ? await StageImportAsync(host, world) : Guid.Empty;
        var records = (await ProgramMatrix.CreateAsync(host, world)).Concat(await MentorshipMatrix.CreateAsync(host, world)).ToDictionary();
        var repBToken = (await TestTokens.InsertAsync(host, world.RepB, ApiTokenScope.Read, "rep B's")).Id;
        var failures = new List<string>();
        var calls = 0;
        foreach (var principal in runOrder)
        {
            using var client = await Principals.ClientAsync(host, world, principal);
            foreach (var row in rows)
            {
                var expected = AuthorizationMatrix.Expected(row, principal, visibility == SalesDataVisibility.Everyone);
                var id = Principals.RecordId(world, principal, row.Target, MissingId, importRun, repBToken, records);
                using var request = await RequestAsync(host, row, id);
                if (row.Body >= Body.Program || row.Method == "DELETE") await ProgramMatrix.PrepareAsync(host, row, request, id, Principals.PersonOf(world, principal)?.Id, records);
                using var response = await client.SendAsync(request);
                calls++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (!expected.Contains(status))
                {
                    failures.Add($"{principal,-11} {row.Method} {request.RequestUri} [{row.Target}]: expected {string.Join("|", expected)}, got {status} {TestHttp.Shorten(body)}");
                }
                else if (MentorshipMatrix.Forbidden(principal).FirstOrDefault(c => body.Contains(c, StringComparison.Ordinal)) is { } canary)
                {
                    failures.Add($"{principal,-11} {row.Method} {request.RequestUri}: the answer carries confidential text ({canary}…)");
                }
                else if (status >= 400 && row.Route.StartsWith("/api/", StringComparison.Ordinal) && await TestHttp.ProblemCodeAsync(response) is null)
                {
                    failures.Add($"{principal,-11} {row.Method} {request.RequestUri}: {status} is not ProblemDetails with a code: {TestHttp.Shorten(body)}");
                }
            }
        }

        output.WriteLine($"{calls} calls, {rows.Count} rows × {runOrder.Length} principals, visibility {visibility}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered differently from the matrix:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_EveryPageAndPrincipal_RendersOrRedirectsToSignIn()
    {
        // A personal access token is not a sign-in for pages: its holder is sent to sign in, like anyone anonymous.
        Principal[] callers = [.. RunOrder, Principal.AdminTokenWrite, Principal.RepATokenRead];
        await using var host = await WebTestHost.StartAsync(settings: MatrixSettings);
        var world = await host.CreateWorldAsync();
        var present = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(a => AuthorizationMatrix.KeyOf("PAGE", a.Template)).ToHashSet();
        var pages = AuthorizationMatrix.Pages.ToList();
        var failures = new List<string>();
        foreach (var principal in callers)
        {
            using var client = await Principals.ClientAsync(host, world, principal);
            var signedIn = principal is not (Principal.Anonymous or Principal.Disabled) && AuthorizationMatrix.OwnerOf(principal) == principal;
            foreach (var page in pages)
            {
                var path = (page.Path ?? page.Route).Replace("{RepA}", world.RepA.Id.ToString(), StringComparison.Ordinal);
                using var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                var shown = response.StatusCode == HttpStatusCode.OK && (page.Marker is null || html.Contains(page.Marker, StringComparison.Ordinal));
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString() is { } to &&
                               (to.StartsWith("/account/login", StringComparison.Ordinal) || to.StartsWith(host.BaseAddress + "account/login", StringComparison.Ordinal));
                var mayOpen = page.Access == PageAccess.Public || (signedIn && (page.Access == PageAccess.SignedIn || principal == Principal.Admin));
                if (mayOpen && !shown)
                {
                    failures.Add($"{principal,-11} GET {path}: should render the page, got {(int)response.StatusCode} {response.Headers.Location} (marker '{page.Marker}' {(html.Contains(page.Marker ?? "", StringComparison.Ordinal) ? "present" : "absent")})");
                }
                else if (!mayOpen && !signedIn && !toSignIn)
                {
                    failures.Add($"{principal,-11} GET {path}: should redirect to /account/login, got {(int)response.StatusCode} {response.Headers.Location}");
                }
                else if (!mayOpen && signedIn)
                {
                    // A signed-in non-admin: sent to sign in (access denied) or shown "not visible to you", never the page.
                    var leaked = page.Marker is not null && html.Contains(page.Marker, StringComparison.Ordinal);
                    var refused = toSignIn || (response.StatusCode == HttpStatusCode.OK && html.Contains("data-testid=\"not-found\"", StringComparison.Ordinal));
                    if (leaked || !refused) failures.Add($"{principal,-11} GET {path}: an admin page was not refused: {(int)response.StatusCode}, marker {(leaked ? "present" : "absent")}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_PostWithoutAntiforgeryToken_IsRefused()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var anonymous = host.CreateClient();
        using var admin = host.CreateClient(); // signed in, but without the API's antiforgery header
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(admin, world.Admin.Email!, TestWorld.Password)).StatusCode);
        var failures = new List<string>();
        foreach (var page in AuthorizationMatrix.Pages)
        {
            var path = (page.Path ?? page.Route).Replace("{RepA}", world.RepA.Id.ToString(), StringComparison.Ordinal);
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("admin", admin) })
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = world.RepA.Email!, ["Input.Password"] = TestWorld.Password });
                using var response = await client.PostAsync(path, form);
                var status = (int)response.StatusCode;
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
                // A form post without the token is refused (400); a protected page sends anonymous callers to sign in first.
                var ok = status == 400 || (who == "anonymous" && page.Access != PageAccess.Public && toSignIn) || (who == "admin" && toSignIn && page.Access == PageAccess.Admin);
                if (!ok) failures.Add($"{who} POST {path} without antiforgery token: {status} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefusedByTheForm()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = host.CreateClient();
        using var response = await WebTestHost.SignInAsync(client, world.Disabled.Email!, TestWorld.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/people")).StatusCode);
    }

    /// <summary>A small roster staged by the admin (not yet imported): the record of the import rows.</summary>
    private static async Task<Guid> StageImportAsync(WebTestHost host, TestWorld world)
    {
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using var csv = new StringContent("name,email,title\r\nIvan Imported,ivan@world.test,Account Executive\r\n", Encoding.UTF8, "text/csv");
        using var response = await admin.PostAsync("/api/imports/roster/stage?fileName=matrix.csv", csv);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"staging a roster failed: {(int)response.StatusCode} {body}");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private sealed record DiscoveredEndpoint(string Key, string Display, bool IsPage);

    /// <summary>Every route endpoint of the running app, one entry per HTTP method (HEAD folds into GET); static assets left out.</summary>
    private static List<DiscoveredEndpoint> DiscoverEndpoints(WebTestHost host)
    {
        var source = host.Services.GetRequiredService<EndpointDataSource>();
        var found = new List<DiscoveredEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) continue;
            var route = endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                found.Add(new(AuthorizationMatrix.KeyOf("PAGE", route), endpoint.DisplayName ?? route, IsPage: true));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } list ? list.ToList() : ["*"];
            if (methods.Contains("GET")) methods.Remove("HEAD");
            found.AddRange(methods.Select(m => new DiscoveredEndpoint(AuthorizationMatrix.KeyOf(m, route), endpoint.DisplayName ?? route, IsPage: false)));
        }

        return found.DistinctBy(d => d.Key).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    private static readonly string[] MatrixWonValues = ["won"];

    private static async Task<HttpRequestMessage> RequestAsync(WebTestHost host, EndpointRow row, Guid id)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(row.Path ?? row.Route, @"\{[^}]*\}", id.ToString());
        var request = new HttpRequestMessage(new HttpMethod(row.Method == "*" ? "GET" : row.Method), path);
        switch (row.Body)
        {
            case Body.PersonUpdate:
                var person = await TestHttp.StoredPersonAsync(host, new Core.People.PersonId(id));
                request.Content = JsonContent.Create(person is null
                    ? new App.Features.People.UpdatePersonRequest("Nobody", null, null, null, null, null, null, null, null, 0)
                    : TestHttp.UpdateOf(person));
                break;
            case Body.SettingsUpdate:
                request.Content = JsonContent.Create(TestHttp.UpdateOf(await TestHttp.StoredSettingsAsync(host)));
                break;
            case Body.StarRule:
                var rule = (await TestHttp.StoredStarRuleAsync(host)) ?? new App.Domain.StarRuleSettings();
                request.Content = JsonContent.Create(new App.Features.Stars.StarRuleRequest(rule.Metric, rule.FallbackMetric, rule.PercentileAtLeast,
                    rule.TrailingPercentileAtLeast, rule.QuartersConsidered, rule.QuartersRequired, rule.MinimumClosedDeals, rule.PeerGroup, rule.Version));
                break;
            case Body.ImportSettings:
                request.Content = JsonContent.Create(new { settings = new { kind = "roster" } });
                break;
            case Body.ImportProfile:
                request.Content = JsonContent.Create(new
                {
                    name = "Matrix mapping",
                    mapping = new { columns = new { externalId = "id", stage = "status" }, outcome = new { won = MatrixWonValues } },
                });
                break;
            case Body.StageMappings:
                request.Content = JsonContent.Create(new[] { new { pipeline = "", stage = "Closed won", outcome = "Won" } });
                break;
            case Body.ExchangeRate:
                request.Content = JsonContent.Create(new { currency = "EUR", validFrom = "2026-01-01", rate = 1.08m, version = 0 });
                break;
            case Body.TokenCreate:
                request.Content = JsonContent.Create(new App.Features.ApiTokens.CreateApiTokenRequest("matrix", ApiTokenScope.Read, 7));
                break;
            case Body.Interaction:
                await using (var scope = host.Services.CreateAsyncScope())
                {
                    var repA = await scope.ServiceProvider.GetRequiredService<App.Data.SalesMentorDb>().People.SingleAsync(p => p.Email == "rep.a@world.test");
                    request.Content = JsonContent.Create(new App.Features.ManagerRoles.LogInteractionRequest(
                        repA.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), Core.Impact.ManagerRole.Coach, 30, "Matrix: deal review", "matrix note"));
                }

                break;
            case Body.InteractionEdit:
                request.Content = JsonContent.Create(new App.Features.ManagerRoles.EditInteractionRequest(
                    DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), Core.Impact.ManagerRole.Coach, 30, "Matrix", null, 1));
                break;
            case Body.RoleTarget:
                var settings = await TestHttp.StoredSettingsAsync(host);
                request.Content = JsonContent.Create(new App.Features.ManagerRoles.RoleTargetMixView(25, 45, 15, 15, settings.Version));
                break;
            case Body.EmptyCsv:
                request.Content = new ByteArrayContent([]) { Headers = { ContentType = new("text/csv") { CharSet = Encoding.UTF8.WebName } } };
                break;
        }

        return request;
    }
}
