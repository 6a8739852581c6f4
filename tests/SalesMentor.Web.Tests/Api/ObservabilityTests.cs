using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary>Health probes and the Prometheus scrape, as an operator's tools see them.</summary>
public class ObservabilityTests
{
    [Fact]
    public async Task Health_LiveAndReady_AnswerWithEachCheck()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        using var live = await client.GetAsync("/health");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.StatusCode, await live.Content.ReadAsStringAsync()));

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.StartsWith("0 pending", checks.GetProperty("outbox").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_MailWaitingTooLong_IsDegradedButStaysInRotation()
    {
        await using var host = await WebTestHost.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            db.Outbox.Add(new OutboxMessage
            {
                MessageId = "<stuck@test>", ToAddress = "stuck@example.test", Subject = "s", TextBody = "b", Category = "test",
                Status = OutboxStatus.Pending, CreatedAt = DateTime.UtcNow.AddHours(-2), NextAttemptAt = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
        }

        using var client = host.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("1 pending", json.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromThisMachine_HaveRequestsImportsOutboxAndJobs()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        await admin.GetStringAsync("/api/people");
        await admin.GetStringAsync("/people"); // a prerendered page: a few hundred components rendered
        using var csv = new StringContent("name,email\r\nMia Metric,mia@world.test\r\n", Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/imports/roster?fileName=m.csv", csv)).StatusCode);

        using var scraper = host.CreateClient();
        var text = "";
        for (var i = 0; i < 100 && !(text.Contains("salesmentor_outbox_messages", StringComparison.Ordinal) && text.Contains("salesmentor_jobs_runs", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(200);
            using var response = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        }

        AssertSeries(text, "http_server_request_duration_seconds_bucket{", "http_route=\"/api/people/\"");
        AssertSeries(text, "salesmentor_imports_total{", "kind=\"roster\"", "mode=\"Commit\"", "outcome=\"Completed\"");
        AssertSeries(text, "salesmentor_import_rows_total{", "kind=\"roster\"");
        AssertSeries(text, "salesmentor_outbox_messages{", "status=\"pending\"");
        AssertSeries(text, "salesmentor_jobs_runs_total{", "job=\"outbox\"", "outcome=\"ok\"");
        Assert.DoesNotContain("mia", text, StringComparison.OrdinalIgnoreCase);

        // Blazor's per-component lifecycle timings are left out (a histogram per component type, measured on every render).
        AssertSeries(text, "http_server_request_duration_seconds_bucket{", "http_route=\"/people\"");
        Assert.DoesNotContain("aspnetcore_components_update_parameters", text, StringComparison.Ordinal);
        Assert.DoesNotContain("aspnetcore_components_render_diff", text, StringComparison.Ordinal);
    }

    private static void AssertSeries(string scrape, string start, params string[] labels) =>
        Assert.True(scrape.Split('\n').Any(l => l.StartsWith(start, StringComparison.Ordinal) && labels.All(x => l.Contains(x, StringComparison.Ordinal))),
            $"No series {start}… with {string.Join(", ", labels)} in:\n{scrape}");

    [Fact]
    public async Task Metrics_ThroughAProxy_OrFromAfarWithoutTheToken_AreNotThere()
    {
        await using var host = await WebTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Metrics:AllowLoopback"] = "false", ["Metrics:Token"] = "scrape-secret-123" });
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer scrape-secret-124" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", "Bearer scrape-secret-123" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);

        await using var open = await WebTestHost.StartAsync();
        using var local = open.CreateClient();
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.7" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await local.SendAsync(proxied)).StatusCode);
    }
}
