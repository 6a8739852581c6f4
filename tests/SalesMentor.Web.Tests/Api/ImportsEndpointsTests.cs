using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary>The roster import endpoints over real HTTP: streamed bodies, limits, status codes.</summary>
public class ImportsEndpointsTests
{
    private const string Roster = "external_id,name,email,manager\nE1,Vera Vice,vera@acme.test,\nE2,Sam Lead,sam@acme.test,E1\n";

    [Fact]
    public async Task StageThenCommit_ShowsThePreviewThenImports()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");

        using var staged = await client.PostAsync("/api/imports/roster/stage?fileName=team.csv", Body(Encoding.UTF8.GetBytes(Roster)));
        Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
        using var stagedJson = JsonDocument.Parse(await staged.Content.ReadAsStringAsync());
        var id = stagedJson.RootElement.GetProperty("id").GetGuid();
        Assert.Equal("Staged", stagedJson.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, stagedJson.RootElement.GetProperty("preview").GetProperty("rows").GetArrayLength());

        using var committed = await client.PostAsync($"/api/imports/{id}/commit", null);
        Assert.Equal(HttpStatusCode.OK, committed.StatusCode);
        using var json = JsonDocument.Parse(await committed.Content.ReadAsStringAsync());
        Assert.Equal(("Completed", 2), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("added").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/imports?page=0&pageSize=10")).StatusCode);
    }

    [Fact]
    public async Task ImportRoster_BadRows_Is422WithTheRunAndItsErrors_AndTheReportIsCsv()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");

        using var response = await client.PostAsync("/api/imports/roster?fileName=bad.csv", Body(Encoding.UTF8.GetBytes("name,hire_date\n=Evil(),soon\n")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("import.rejected", json.RootElement.GetProperty("code").GetString());
        var run = json.RootElement.GetProperty("run");
        Assert.Equal(2, run.GetProperty("errors")[0].GetProperty("line").GetInt32());
        var report = await client.GetAsync($"/api/imports/{run.GetProperty("id").GetGuid()}/errors");
        Assert.Equal("text/csv", report.Content.Headers.ContentType!.MediaType);
        Assert.Contains("2,hire_date,\"'soon' is not a date", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRoster_BodyOverTheLimit_Is413_AnnouncedOrStreamed()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Import:MaxUploadMegabytes"] = "1" });
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");
        var big = Encoding.UTF8.GetBytes("name,notes\n" + string.Concat(Enumerable.Repeat("Ann," + new string('x', 1000) + "\n", 2000)));

        using var announced = await client.PostAsync("/api/imports/roster/stage", Body(big));
        using var streamed = await client.PostAsync("/api/imports/roster", new StreamContent(new UnknownLengthStream(big)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });

        foreach (var response in new[] { announced, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("import.too_large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportRoster_BodyLargerThanKestrelsDefault_IsAccepted()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");
        var rows = string.Concat(Enumerable.Range(0, 700).Select(i => $"Big {i},\"{new string('n', 50_000)}\"\n"));
        var body = Encoding.UTF8.GetBytes("name,notes\n" + rows);
        Assert.True(body.Length > 32 * 1024 * 1024);

        using var response = await client.PostAsync("/api/imports/roster?dryRun=true", Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ImportRoster_NotAnAdmin_Is403_AndWithoutAntiforgery_Is400()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync("rep.a@world.test");
        using var noToken = host.CreateClient();
        await WebTestHost.SignInAsync(noToken, "admin@world.test", TestWorld.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/imports/roster", Body(Encoding.UTF8.GetBytes(Roster)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await noToken.PostAsync("/api/imports/roster", Body(Encoding.UTF8.GetBytes(Roster)))).StatusCode);
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    // No Content-Length: the body is sent chunked, so only counting while reading can catch it.
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
