using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Settings;
using SalesMentor.Core.People;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>Small helpers the HTTP tests share: bodies, ProblemDetails, and reading what is stored.</summary>
internal static class TestHttp
{
    public static StringContent Json(string raw, string contentType = "application/json") => new(raw, Encoding.UTF8, contentType);

    /// <summary>The <c>code</c> of a ProblemDetails response; null when the body is not ProblemDetails with a code.</summary>
    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
    }

    /// <summary>Fails unless the response is a ProblemDetails of <paramref name="status"/>; returns its code.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var code = await ProblemCodeAsync(response);
        Assert.False(string.IsNullOrEmpty(code), $"{(int)response.StatusCode} without a ProblemDetails code: {await response.Content.ReadAsStringAsync()}");
        return code!;
    }

    /// <summary>The body that rewrites a person with what they hold now (so a successful call changes nothing but the version).</summary>
    public static UpdatePersonRequest UpdateOf(Person person) => new(
        person.Name, person.Email, person.Title, person.TeamId, person.RegionId, person.ManagerId,
        person.HireDate, person.LeftOn, person.TimeZone, person.Version);

    public static UpdatePersonRequest UpdateOf(PersonDetails person) => new(
        person.Name, person.Email, person.Title, person.TeamId, person.RegionId, person.ManagerChain.Count > 0 ? person.ManagerChain[0].Id : null,
        person.HireDate, person.LeftOn, person.TimeZone, person.Version);

    public static UpdateOrganizationSettingsRequest UpdateOf(OrganizationSettingsView s) =>
        new(s.Name, s.TimeZone, s.FiscalYearStartMonth, s.CorporateCurrency, s.SalesDataVisibility, s.Version);

    public static UpdateOrganizationSettingsRequest UpdateOf(OrganizationSettings s) =>
        new(s.Name, s.TimeZone, s.FiscalYearStartMonth, s.CorporateCurrency, s.SalesDataVisibility, s.Version);

    /// <summary>The person as stored, read past the API.</summary>
    public static async Task<Person?> StoredPersonAsync(WebTestHost host, PersonId id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
    }

    /// <summary>The organization settings as stored, read past the API.</summary>
    public static async Task<OrganizationSettings> StoredSettingsAsync(WebTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().OrganizationSettings.AsNoTracking().SingleAsync();
    }

    /// <summary>The star rule as stored, read past the API.</summary>
    public static async Task<StarRuleSettings?> StoredStarRuleAsync(WebTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().StarRuleSettings.AsNoTracking().SingleOrDefaultAsync();
    }

    /// <summary>Every stored field of a person that an edit could touch, for "nothing changed" checks.</summary>
    public static string Snapshot(Person? p) => p is null ? "(none)" : JsonSerializer.Serialize(new
    {
        p.Name, p.Email, p.Title, p.TeamId, p.RegionId, ManagerId = p.ManagerId?.Value, p.HireDate, p.LeftOn, p.TimeZone, p.Version, p.SearchKey, p.NameKey,
    });

    public static string Snapshot(OrganizationSettings s) => JsonSerializer.Serialize(new
    {
        s.Name, s.TimeZone, s.FiscalYearStartMonth, s.CorporateCurrency, s.SalesDataVisibility, s.Version,
    });

    /// <summary>Sets the organization's sales-data visibility through the API, as an admin would.</summary>
    public static async Task SetVisibilityAsync(HttpClient admin, SalesDataVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var current = await admin.GetFromJsonAsync<OrganizationSettingsView>("/api/settings");
        var response = await admin.PutAsJsonAsync("/api/settings", UpdateOf(current!) with { SalesDataVisibility = visibility });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A person without an account, added past the API (there is no endpoint that creates people).</summary>
    public static async Task<Person> AddPersonAsync(WebTestHost host, string name, string? email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var now = DateTime.UtcNow;
        var person = new Person { Name = name, Email = email, Title = "Account Executive", CreatedAt = now, UpdatedAt = now };
        person.RefreshKeys();
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
