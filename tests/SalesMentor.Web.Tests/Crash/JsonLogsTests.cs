using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Crash;

/// <summary>The Release app's console logs as JSON: one object a line, with the request id and the caller's person id, and no content.</summary>
[Collection(CrashTestGroup.Name)]
public class JsonLogsTests
{
    [Fact]
    public async Task JsonLogs_CarryRequestIdAndPersonId_NeverWhatPeopleWrote()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        string secret;
        TestWorld world;
        Person person;
        await using (var services = CrashCheck.Services(database))
        {
            world = await TestWorld.CreateAsync(services, DateTime.UtcNow);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            secret = ApiTokenSecret.Create();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = await db.Users.Where(u => u.PersonId == world.Admin.Id).Select(u => u.Id).SingleAsync(), Name = "logs",
                Prefix = ApiTokenSecret.PrefixOf(secret), Hash = ApiTokenSecret.Hash(secret), Scope = ApiTokenScope.ReadWrite,
                CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
            person = await db.People.AsNoTracking().SingleAsync(p => p.Id == world.RepA.Id);
        }

        var settings = new Dictionary<string, string?>(database.Settings) { ["Logging:Console:FormatterName"] = "json" };
        var canary = "CANARY-" + Guid.NewGuid();
        await using (var app = await AppProcess.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = app.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var put = await http.PutAsJsonAsync($"api/people/{world.RepA.Id}", TestHttp.UpdateOf(person) with { Title = canary });
            put.EnsureSuccessStatusCode();
            using var csv = new StringContent($"name,email,title\r\nLog Person,log.person@world.test,{canary}\r\n", System.Text.Encoding.UTF8, "text/csv");
            (await http.PostAsync("api/imports/roster?fileName=logs.csv", csv)).EnsureSuccessStatusCode();
            await Task.Delay(500); // the console logger writes from its own queue
            await app.KillAsync();

            var lines = app.Output.Where(l => l.StartsWith('{')).ToList();
            Assert.NotEmpty(lines);
            var scopes = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())
                .Where(e => e.TryGetProperty("Scopes", out _))
                .SelectMany(e => e.GetProperty("Scopes").EnumerateArray()).ToList();
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _));
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("PersonId", out var id)
                && id.GetString() == world.Admin.Id.ToString() && s.GetProperty("SignedInWith").GetString() == "token");
            Assert.DoesNotContain(app.Output, l => l.Contains(canary, StringComparison.Ordinal) || l.Contains(secret[4..], StringComparison.Ordinal));
        }
    }
}
