using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Data;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

/// <summary>
/// The sales-data imports over real HTTP with the issue's bad input: every bad file is a 422 with the
/// run and its reasons (never a 5xx) and nothing is half-imported; readable oddities import; the same
/// file again changes nothing; the error report downloads as CSV.
/// </summary>
public class SalesImportsEndpointsTests
{
    private const string Header = "Id,OwnerId,Name,StageName,Amount,CloseDate,CreatedDate,IsClosed,IsWon";

    /// <summary>Files that must be refused as a whole: (what, body, fragment of a reason).</summary>
    public static readonly (string What, byte[] Body, string Reason)[] Refused =
    [
        ("unbalanced quotes", Utf8($"{Header}\r\n006A,005A,\"Open quote,Open,1,2024-01-01,,0,0\r\n006B,005A,B,Open,1,,,0,0\r\n"), "never closed"),
        ("duplicate headers", Utf8("Id,Name,StageName,IsClosed,IsWon,Amount,AMOUNT\r\n006A,A,Open,0,0,1,2\r\n"), "have the same name"),
        ("missing required column", Utf8("Id,Name,StageName,IsClosed\r\n006A,A,Open,0\r\n"), "no IsWon column"),
        ("negative amount", Utf8($"{Header}\r\n006A,005A,A,Open,-5,,,0,0\r\n"), "negative"),
        ("non-numeric amount", Utf8($"{Header}\r\n006A,005A,A,Open,lots,,,0,0\r\n"), "not a number"),
        ("1e309", Utf8($"{Header}\r\n006A,005A,A,Open,1e309,,,0,0\r\n"), "Amount"),
        ("2017-02-30", Utf8($"{Header}\r\n006A,005A,A,Closed Won,1,2017-02-30,,1,1\r\n"), "2017-02-30"),
        ("31/12/2017 against yyyy-MM-dd", Utf8($"{Header}\r\n006A,005A,A,Closed Won,1,31/12/2017,,1,1\r\n"), "31/12/2017"),
        ("duplicate ids", Utf8($"{Header}\r\n006A,005A,A,Open,1,,,0,0\r\n006A,005A,B,Open,2,,,0,0\r\n"), "006A"),
        ("good rows then a bad one", Utf8($"{Header}\r\n006A,005A,A,Open,1,,,0,0\r\n006B,005A,B,Open,2,,,0,maybe\r\n"), "yes/no"),
    ];

    [Theory, BothProviders]
    public async Task ImportOpportunities_BadFiles_Are422WithReasons_NothingHalfImported_NeverServerError(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");
        var failures = new List<string>();

        foreach (var (what, body, reason) in Refused)
        {
            foreach (var route in new[] { "/api/imports/opportunities?fileName=bad.csv", "/api/imports/stage?kind=opportunities&fileName=bad.csv" })
            {
                using var response = await client.PostAsync(route, Body(body));
                var text = await response.Content.ReadAsStringAsync();
                var staged = route.Contains("/stage", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK;
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity && !staged) failures.Add($"{what} {route}: {(int)response.StatusCode} {text}");
                else if (!text.Contains(reason, StringComparison.OrdinalIgnoreCase)) failures.Add($"{what} {route}: no '{reason}' in {text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, await CountAsync(host, "salesforce"));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_NaughtyStringsFormulasMixedLineBreaksAndUtf16_ImportAndReimportChangesNothing(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");
        var names = NaughtyStrings.All.Where(s => s.Length is > 0 and <= 200 && !s.Contains('\0', StringComparison.Ordinal) && s.Trim() == s)
            .Concat(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x.test\")"]).Distinct().ToList();
        var csv = new StringBuilder(Header + "\r\n");
        for (var i = 0; i < names.Count; i++)
        {
            var end = (i % 3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" };
            csv.Append(CultureInfo.InvariantCulture, $"006N{i},005Z,\"{names[i].Replace("\"", "\"\"", StringComparison.Ordinal)}\",Open,{i},,,0,0").Append(end);
        }

        var utf16 = (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv.ToString())];

        using var first = await client.PostAsync("/api/imports/opportunities?fileName=naughty.csv", Body(utf16));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(names.Count, firstJson.RootElement.GetProperty("added").GetInt32());
        var stored = await QueryAsync(host, db => db.Opportunities.Where(o => o.Source == "salesforce").ToDictionaryAsync(o => o.ExternalId, o => o.Name));
        Assert.All(Enumerable.Range(0, names.Count), i => Assert.Equal(names[i], stored[$"006N{i}"]));

        using var again = await client.PostAsync("/api/imports/opportunities?fileName=naughty.csv", Body(utf16));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var againJson = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal((0, 0, names.Count), (againJson.RootElement.GetProperty("added").GetInt32(), againJson.RootElement.GetProperty("updated").GetInt32(), againJson.RootElement.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task ImportQuotasAndRates_BadRowsSkipped_ErrorReportIsCsv_AndRatesPageApiLists()
    {
        await using var host = await WebTestHost.StartAsync();
        await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync("admin@world.test");

        using var rates = await client.PostAsync("/api/imports/exchange-rates?fileName=rates.csv", Body(Utf8("currency,rate,from\r\nEUR,1.1,2026-01-01\r\n")));
        Assert.Equal(HttpStatusCode.OK, rates.StatusCode);
        using var listed = await client.GetAsync("/api/exchange-rates");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("EUR", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var quotas = Utf8("person,period,amount\r\nrep.a@world.test,2026-Q1,9000\r\nnobody@world.test,2026-Q1,5\r\n");
        using var strict = await client.PostAsync("/api/imports/quotas?fileName=quotas.csv", Body(quotas));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict.StatusCode);
        using var skipping = await client.PostAsync("/api/imports/quotas?fileName=quotas.csv&skipBadRows=true", Body(quotas));
        Assert.Equal(HttpStatusCode.OK, skipping.StatusCode);
        using var json = JsonDocument.Parse(await skipping.Content.ReadAsStringAsync());
        Assert.Equal((1, 1), (json.RootElement.GetProperty("added").GetInt32(), json.RootElement.GetProperty("rejectedRows").GetInt32()));
        using var report = await client.GetAsync($"/api/imports/{json.RootElement.GetProperty("id").GetGuid()}/errors");
        Assert.Equal("text/csv", report.Content.Headers.ContentType!.MediaType);
        Assert.Contains("nobody@world.test", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static Task<int> CountAsync(WebTestHost host, string source) => QueryAsync(host, db => db.Opportunities.CountAsync(o => o.Source == source));

    private static async Task<T> QueryAsync<T>(WebTestHost host, Func<SalesMentorDb, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SalesMentorDb>());
    }
}
