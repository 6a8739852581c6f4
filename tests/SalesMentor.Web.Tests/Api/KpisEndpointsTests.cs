using System.Net;
using System.Text;
using System.Text.Json;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>
/// The KPI API over HTTP on <see cref="TestWorld"/>: reps A, B, C and the star each have, in 2026-Q1, one deal won
/// (1,000.00), one lost (2,000.00) and one open (3,000.00), all created on 2026-01-05.
/// </summary>
public class KpisEndpointsTests
{
    [Fact]
    public async Task GetKpiOverview_SignedIn_ListsKpisAndPeriods()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);

        var overview = (await rep.GetFromJsonAsync<KpiOverview>("/api/kpis"))!;

        Assert.Equal(28, overview.Kpis.Count);
        Assert.Equal(("2026-Q1", "2026-02", "FY2026", "USD"), (overview.CurrentQuarter, overview.CurrentMonth, overview.CurrentYear, overview.Currency));
        Assert.Contains(overview.Quarters, q => q.Key == "2026-Q1" && q.Label == "FY2026 Q1");
        Assert.Null(overview.Stats);   // timings are for admins
    }

    [Fact]
    public async Task GetScorecard_OwnQuarter_HasValuesNullsAndRanksAsJson()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);

        using var response = await rep.GetAsync($"/api/people/{world.RepA.Id}/scorecard?periodKind=quarter&period=2026-Q1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tiles = json.RootElement.GetProperty("tiles").EnumerateArray().ToDictionary(t => t.GetProperty("kpi").GetProperty("id").GetString()!);

        Assert.Equal(1000m, tiles["won-revenue"].GetProperty("value").GetDecimal());
        Assert.Equal(0.5m, tiles["win-rate-by-count"].GetProperty("value").GetDecimal());
        Assert.Equal(6000m, tiles["pipeline-created"].GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, tiles["quota-attainment"].GetProperty("value").ValueKind);   // no quota: undefined, not 0
        Assert.Equal(50, tiles["won-revenue"].GetProperty("percentile").GetDouble());                // four reps, all equal
        Assert.Equal("FY2026 Q1", json.RootElement.GetProperty("period").GetProperty("label").GetString());
        Assert.Equal("NotStar", json.RootElement.GetProperty("star").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetScorecard_HiddenByTheOrganizationSetting_Is404LikeAMissingPerson()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        await TestHttp.SetVisibilityAsync(admin, SalesDataVisibility.OwnAndManagementChain);
        using var repB = await host.SignedInClientAsync(world.RepB.Email!);
        using var supervisor = await host.SignedInClientAsync(world.SupervisorA.Email!);

        using var hidden = await repB.GetAsync($"/api/people/{world.RepA.Id}/scorecard");
        using var missing = await repB.GetAsync($"/api/people/{Guid.NewGuid()}/scorecard");
        using var chain = await supervisor.GetAsync($"/api/people/{world.RepA.Id}/scorecard");

        Assert.Equal("person.not_found", await TestHttp.AssertProblemAsync(hidden, HttpStatusCode.NotFound));
        Assert.Equal("person.not_found", await TestHttp.AssertProblemAsync(missing, HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.OK, chain.StatusCode);
    }

    [Fact]
    public async Task GetLeaderboard_UnderOwnAndManagementChain_ListsOnlyVisiblePeople()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        await TestHttp.SetVisibilityAsync(admin, SalesDataVisibility.OwnAndManagementChain);
        using var supervisor = await host.SignedInClientAsync(world.SupervisorA.Email!);

        var all = (await admin.GetFromJsonAsync<LeaderboardView>("/api/leaderboards?kpi=won-revenue&period=2026-Q1&sort=name"))!;
        var mine = (await supervisor.GetFromJsonAsync<LeaderboardView>("/api/leaderboards?kpi=won-revenue&period=2026-Q1&sort=name"))!;

        Assert.Equal(new[] { world.RepC, world.Star, world.RepA, world.RepB }.Select(p => p.Name).Order(StringComparer.CurrentCulture), all.Items.Select(r => r.Name));
        Assert.Equal(new[] { world.RepA, world.RepB }.Select(p => p.Name).Order(StringComparer.CurrentCulture), mine.Items.Select(r => r.Name));
        Assert.All(all.Items, r => Assert.Equal((1, 1000m), (r.Rank!.Value, r.Value!.Value)));   // equal values share the first rank
    }

    [Fact]
    public async Task ExportLeaderboard_CsvAndXlsx_AreFilesAndABadFormatIs400()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);

        using var csv = await rep.GetAsync("/api/leaderboards/export?format=csv&period=2026-Q1");
        using var xlsx = await rep.GetAsync("/api/leaderboards/export?format=xlsx&period=2026-Q1&scope=team");
        using var bad = await rep.GetAsync("/api/leaderboards/export?format=exe");

        Assert.Equal(("text/csv", HttpStatusCode.OK), (csv.Content.Headers.ContentType?.MediaType, csv.StatusCode));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.EndsWith(",1000,50,4,2026-Q1", lines[1], StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("export.format", await TestHttp.AssertProblemAsync(bad, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ListStars_WithStatuses_ExplainsEveryone()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepB.Email!);

        var stars = (await rep.GetFromJsonAsync<StarListView>("/api/stars"))!;
        var everyone = (await rep.GetFromJsonAsync<StarListView>("/api/stars?status=Star&status=NotStar&status=NotEnoughData"))!;
        using var bad = await rep.GetAsync("/api/stars?status=Galaxy");

        Assert.Empty(stars.Items);
        Assert.Equal(4, everyone.Total);
        Assert.All(everyone.Items, r => Assert.False(string.IsNullOrWhiteSpace(r.Verdict.Reason)));
        Assert.Equal("stars.status", await TestHttp.AssertProblemAsync(bad, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task StarRule_GetPutPreview_WorkForAdminsWith409OnAStaleEdit()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);

        var rule = (await rep.GetFromJsonAsync<StarRuleView>("/api/settings/star-rule"))!;
        var request = new StarRuleRequest("quota-attainment", "won-revenue", 75, null, 4, 3, 20, "Team", rule.Version);
        using var preview = await admin.PostAsJsonAsync("/api/settings/star-rule/preview", request);
        using var saved = await admin.PutAsJsonAsync("/api/settings/star-rule", request);
        using var stale = await admin.PutAsJsonAsync("/api/settings/star-rule", request);
        using var forbidden = await rep.PutAsJsonAsync("/api/settings/star-rule", request);
        using var invalid = await admin.PutAsJsonAsync("/api/settings/star-rule", request with { QuartersRequired = 9, Version = rule.Version + 1 });

        Assert.Equal(("won-revenue", 90.0, 20), (rule.Metric, rule.TrailingPercentileAtLeast!.Value, rule.MinimumClosedDeals));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(0, (await preview.Content.ReadFromJsonAsync<StarRulePreview>())!.Stars);
        var stored = (await saved.Content.ReadFromJsonAsync<StarRuleView>())!;
        Assert.Equal(("quota-attainment", "Team", 3, rule.Version + 1), (stored.Metric, stored.PeerGroup, stored.QuartersRequired, stored.Version));
        Assert.Equal("concurrency.conflict", await TestHttp.AssertProblemAsync(stale, HttpStatusCode.Conflict));
        Assert.Equal("star_rule.admin_only", await TestHttp.AssertProblemAsync(forbidden, HttpStatusCode.Forbidden));
        Assert.Equal("star_rule.quarters_required", await TestHttp.AssertProblemAsync(invalid, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task StarRule_NaughtyStringsAndMalformedBodies_Are400AndChangeNothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var before = (await admin.GetFromJsonAsync<StarRuleView>("/api/settings/star-rule"))!;
        var failures = new List<string>();
        foreach (var naughty in NaughtyStrings.All.Take(200).Concat(["\0", "\uD800", new string('x', 10_000)]))
        {
            foreach (var request in new[] { Rule(before) with { Metric = naughty }, Rule(before) with { FallbackMetric = naughty }, Rule(before) with { PeerGroup = naughty } })
            {
                if (string.IsNullOrWhiteSpace(request.FallbackMetric) && request.FallbackMetric != before.FallbackMetric) continue;   // blank means "no fallback": valid
                using var response = await admin.PutAsJsonAsync("/api/settings/star-rule", request);
                if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{(int)response.StatusCode} for {JsonSerializer.Serialize(request)}");
            }
        }

        foreach (var body in new[] { "", "{", "[]", "{\"metric\": 5}", "{\"percentileAtLeast\": \"high\"}", "null" })
        {
            using var response = await admin.PutAsync("/api/settings/star-rule", TestHttp.Json(body));
            if ((int)response.StatusCode != 400) failures.Add($"{(int)response.StatusCode} for body '{body}'");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await admin.GetFromJsonAsync<StarRuleView>("/api/settings/star-rule")));
    }

    [Fact]
    public async Task GetEndpoints_NaughtyQueryStrings_NeverServerError()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);
        string[] routes =
        [
            "/api/leaderboards?kpi=", "/api/leaderboards?period=", "/api/leaderboards?periodKind=", "/api/leaderboards?scope=", "/api/leaderboards?sort=",
            "/api/leaderboards/export?format=", "/api/stars?status=", $"/api/people/{world.RepA.Id}/scorecard?period=", $"/api/people/{world.RepA.Id}/scorecard?periodKind=",
            "/api/leaderboards?page=", "/api/leaderboards?pageSize=", "/api/leaderboards?teamId=",
            $"/api/people/{world.RepA.Id}/behaviour-signals?months=", $"/api/people/{world.RepA.Id}/behaviour-signals?through=",
        ];
        string[] values = [.. NaughtyStrings.All.Take(120), "2147483647", "-2147483648", "99999999999", "-1"];
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var value in values)
            {
                using var response = await rep.GetAsync(route + Uri.EscapeDataString(value));
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {route}{value}");
                else if (response.StatusCode != HttpStatusCode.OK && await TestHttp.ProblemCodeAsync(response) is null) failures.Add($"{(int)response.StatusCode} without a code: {route}{value}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static StarRuleRequest Rule(StarRuleView v) => new(
        v.Metric, v.FallbackMetric, v.PercentileAtLeast, v.TrailingPercentileAtLeast, v.QuartersConsidered, v.QuartersRequired, v.MinimumClosedDeals, v.PeerGroup, v.Version);
}
