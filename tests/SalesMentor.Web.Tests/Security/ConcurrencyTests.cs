using System.Net;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Settings;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>Two people editing the same record: one wins, the other gets 409 — never a lost update.</summary>
public class ConcurrencyTests
{
    [Theory]
    [BothProviders]
    public async Task UpdatePerson_TwoAdminsWithTheSameVersion_OneWinsTheOtherGets409(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        var admins = await TwoAdminsAsync(host, world);
        using var first = admins.First;
        using var second = admins.Second;
        var read1 = (await first.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!;
        var read2 = (await second.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!;
        Assert.Equal(read1.Version, read2.Version);

        using var won = await first.PutAsJsonAsync($"/api/people/{world.RepA.Id}", TestHttp.UpdateOf(read1) with { Title = "Title of the first admin" });
        using var lost = await second.PutAsJsonAsync($"/api/people/{world.RepA.Id}", TestHttp.UpdateOf(read2) with { Title = "Title of the second admin", Name = "Renamed" });

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal("concurrency.conflict", await TestHttp.AssertProblemAsync(lost, HttpStatusCode.Conflict));
        var stored = (await TestHttp.StoredPersonAsync(host, world.RepA.Id))!;
        Assert.Equal("Title of the first admin", stored.Title);
        Assert.Equal(world.RepA.Name, stored.Name);
        Assert.Equal(read1.Version + 1, stored.Version);
    }

    [Theory]
    [BothProviders]
    public async Task UpdateSettings_TwoAdminsWithTheSameVersion_OneWinsTheOtherGets409(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        var admins = await TwoAdminsAsync(host, world);
        using var first = admins.First;
        using var second = admins.Second;
        var read1 = (await first.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!;
        var read2 = (await second.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!;

        using var won = await first.PutAsJsonAsync("/api/settings", TestHttp.UpdateOf(read1) with { Name = "First admin's name", CorporateCurrency = "EUR" });
        using var lost = await second.PutAsJsonAsync("/api/settings", TestHttp.UpdateOf(read2) with { Name = "Second admin's name", FiscalYearStartMonth = 7 });

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal("concurrency.conflict", await TestHttp.AssertProblemAsync(lost, HttpStatusCode.Conflict));
        var stored = await TestHttp.StoredSettingsAsync(host);
        Assert.Equal(("First admin's name", "EUR", 1), (stored.Name, stored.CorporateCurrency, stored.FiscalYearStartMonth));
    }

    [Theory]
    [BothProviders]
    public async Task UpdatePerson_TwentyConcurrentEditsOfOneVersion_ExactlyOneWins(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        var admins = await TwoAdminsAsync(host, world);
        using var first = admins.First;
        using var second = admins.Second;
        var read = (await first.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepB.Id}"))!;

        var edits = Enumerable.Range(0, 20).Select(i => TestHttp.UpdateOf(read) with { Title = $"Edit {i}" }).ToList();
        var responses = await Task.WhenAll(edits.Select((edit, i) => (i % 2 == 0 ? first : second).PutAsJsonAsync($"/api/people/{world.RepB.Id}", edit)));

        var winners = await AssertOneWinnerAsync(responses);
        var winner = (await responses[winners].Content.ReadFromJsonAsync<PersonDetails>())!;
        var stored = (await TestHttp.StoredPersonAsync(host, world.RepB.Id))!;
        Assert.Equal(edits[winners].Title, stored.Title);
        Assert.Equal(winner.Title, stored.Title);
        Assert.Equal(read.Version + 1, stored.Version);
        foreach (var response in responses) response.Dispose();
    }

    [Theory]
    [BothProviders]
    public async Task UpdateSettings_TwentyConcurrentEditsOfOneVersion_ExactlyOneWins(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        var admins = await TwoAdminsAsync(host, world);
        using var first = admins.First;
        using var second = admins.Second;
        var read = (await first.GetFromJsonAsync<OrganizationSettingsView>("/api/settings"))!;

        var edits = Enumerable.Range(0, 20).Select(i => TestHttp.UpdateOf(read) with { Name = $"Organization {i}" }).ToList();
        var responses = await Task.WhenAll(edits.Select((edit, i) => (i % 2 == 0 ? first : second).PutAsJsonAsync("/api/settings", edit)));

        var winners = await AssertOneWinnerAsync(responses);
        var stored = await TestHttp.StoredSettingsAsync(host);
        Assert.Equal(edits[winners].Name, stored.Name);
        Assert.Equal(read.Version + 1, stored.Version);
        foreach (var response in responses) response.Dispose();
    }

    /// <summary>Exactly one 200; every other answer is 409 <c>concurrency.conflict</c>. Returns the winner's index.</summary>
    private static async Task<int> AssertOneWinnerAsync(HttpResponseMessage[] responses)
    {
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == 200) == 1, "statuses: " + string.Join(", ", statuses));
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal("concurrency.conflict", await TestHttp.AssertProblemAsync(loser, HttpStatusCode.Conflict));
        }

        return statuses.IndexOf(200);
    }

    /// <summary>The world's admin and a second admin (the VP, given the role through the API).</summary>
    private static async Task<(HttpClient First, HttpClient Second)> TwoAdminsAsync(WebTestHost host, TestWorld world)
    {
        var first = await host.SignedInClientAsync(world.Admin.Email!);
        using var granted = await first.PostAsync($"/api/accounts/{world.Vp.Id}/admin", null);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var second = await host.SignedInClientAsync(world.Vp.Email!);
        return (first, second);
    }
}
