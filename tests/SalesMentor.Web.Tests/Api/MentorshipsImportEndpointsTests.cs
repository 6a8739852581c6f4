using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary><c>POST /api/mentorships/import</c> over real HTTP: the dry run, bad files and naughty cells (422 by line, never a 5xx), wrong bodies.</summary>
public class MentorshipsImportEndpointsTests
{
    private const string Good = "mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-01-15\n";

    [Fact]
    public async Task DryRunThenImport_ListsTheRowsThenCreates()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync("admin@world.test");

        using var dry = await admin.PostAsync("/api/mentorships/import?dryRun=true", Csv(Good));
        var countAfterDry = await CountAsync(host);
        using var real = await admin.PostAsync("/api/mentorships/import", Csv(Good));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, 0), (dry.StatusCode, real.StatusCode, countAfterDry));
        using var dryJson = JsonDocument.Parse(await dry.Content.ReadAsStringAsync());
        var row = dryJson.RootElement.GetProperty("rows")[0];
        Assert.Equal(("Stella Star", "Zoë O'Brien", true), (row.GetProperty("mentor").GetProperty("name").GetString(), row.GetProperty("mentee").GetProperty("name").GetString(), row.GetProperty("isNew").GetBoolean()));
        Assert.Equal(1, await CountAsync(host));
    }

    [Fact]
    public async Task NaughtyCellsAndBrokenFiles_Are422WithTheLine_AndSaveNothing()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync("admin@world.test");
        var naughty = new StringBuilder("mentor,mentee,start_date\n");
        var cells = NaughtyStrings.All.Take(150).Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        foreach (var cell in cells) naughty.Append(CultureInfo.InvariantCulture, $"{cell},rep.a@world.test,{cell}\n");
        string[] broken =
        [
            naughty.ToString(), "", "\0\0\0", "mentor,mentee\nx,y\n", "mentor,mentee,start_date\n", "mentor,mentee,start_date\nstar@world.test,\"rep.a@world.test,2025-01-01\n",
            "mentor,mentee,start_date,end_date\nstar@world.test,rep.a@world.test,2025-01-15,2024-01-01\n", "mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-02-30\n",
            "mentor,mentee,start_date\n" + new string('x', 100_000) + ",rep.a@world.test,2025-01-01\n",
        ];

        foreach (var text in broken)
        {
            foreach (var dryRun in new[] { "", "?dryRun=true" })
            {
                using var response = await admin.PostAsync("/api/mentorships/import" + dryRun, Csv(text));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} for {text[..Math.Min(60, text.Length)]}: {body}");
                using var json = JsonDocument.Parse(body);
                Assert.Equal("mentorships.rejected", json.RootElement.GetProperty("code").GetString());
                Assert.True(json.RootElement.GetProperty("problems")[0].GetProperty("line").GetInt32() >= 0);
            }
        }

        Assert.Equal(0, await CountAsync(host));
    }

    [Fact]
    public async Task MultipartOrUnknownProgram_AreRefused()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync("admin@world.test");
        using var form = new MultipartFormDataContent { { Csv(Good), "file", "m.csv" } };

        using var multipart = await admin.PostAsync("/api/mentorships/import", form);
        using var unknown = await admin.PostAsync($"/api/mentorships/import?programId={Guid.NewGuid()}", Csv(Good));
        using var badId = await admin.PostAsync("/api/mentorships/import?programId=%27%3B--", Csv(Good));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (multipart.StatusCode, unknown.StatusCode, badId.StatusCode));
        Assert.Equal(0, await CountAsync(host));
    }

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static async Task<int> CountAsync(WebTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesMentorDb>().Mentorships.CountAsync();
    }
}
