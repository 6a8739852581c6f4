using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary>An unexpected failure (here: a table gone from under the app) answers 500 with a request id and nothing else.</summary>
public class ErrorHandlingTests
{
    private static async Task BreakAsync(WebTestHost host, string table)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
#pragma warning disable EF1002 // The table name is a constant of this test.
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{table}\"");
#pragma warning restore EF1002
    }

    [Fact]
    public async Task ApiFailure_OnAGet_IsProblemDetails500WithARequestId()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        await BreakAsync(host, "Opportunities");

        var response = await client.GetAsync($"/api/people/{world.RepA.Id}/opportunities");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"server.error\"", body, StringComparison.Ordinal);
        Assert.Contains("requestId", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Opportunities", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiFailure_OnAPut_IsStill500NotAnotherStatus()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.Admin.Email!);
        var settings = await client.GetFromJsonAsync<Dictionary<string, object>>("/api/settings");
        await BreakAsync(host, "AuditEvents");

        var response = await client.PutAsJsonAsync("/api/settings", new
        {
            name = "Renamed", timeZone = "UTC", fiscalYearStartMonth = 1, corporateCurrency = "USD",
            salesDataVisibility = "Everyone", version = ((System.Text.Json.JsonElement)settings!["version"]).GetInt32(),
        });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("server.error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageFailure_IsAShortPageWithoutTheExceptionText()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        await BreakAsync(host, "Teams");

        var response = await client.GetAsync("/people");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", body, StringComparison.Ordinal);
    }
}
