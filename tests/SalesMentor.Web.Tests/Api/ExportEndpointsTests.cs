using System.Net;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>The directory export: formula-leading text is neutralised; dates stay plain dates.</summary>
public class ExportEndpointsTests
{
    [Fact]
    public async Task ExportPeople_Csv_NeutralisesFormulasAndKeepsDatesPlain()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await SetTitlesAsync(host, world);

        using var response = await client.GetAsync("/api/people/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ExportPeople.Columns), lines[0]);
        Assert.Equal(world.Everyone.Count() + 1, lines.Length);

        var rows = Rows(text);
        Assert.Equal("'=1+2", rows[world.RepA.Email!]["title"]);
        Assert.Equal("'+SUM(A1:A9)", rows[world.RepB.Email!]["title"]);
        Assert.Equal("'-5", rows[world.RepC.Email!]["title"]);
        Assert.Equal("'@cmd", rows[world.Star.Email!]["title"]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", rows[world.Vp.Email!]["title"]);
        Assert.Equal(world.RepA.Name, rows[world.RepA.Email!]["name"]);
        Assert.Equal("李小龍", rows[world.RepB.Email!]["name"]);

        // Dates are ISO dates, neither quoted nor prefixed; names with an apostrophe are left alone.
        var repA = lines.Single(l => l.Contains(world.RepA.Email!, StringComparison.Ordinal));
        Assert.Contains(",2022-01-10,", repA, StringComparison.Ordinal);
        Assert.Equal("2022-01-10", rows[world.RepA.Email!]["hire_date"]);
        Assert.Equal("", rows[world.RepA.Email!]["left_date"]);
        Assert.Equal(world.SupervisorA.Email, rows[world.RepA.Email!]["manager_email"]);
        Assert.Equal("Europe/Berlin", rows[world.RepA.Email!]["time_zone"]);
    }

    [Fact]
    public async Task ExportPeople_Xlsx_NeutralisesFormulasAndKeepsDatesAsDates()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await SetTitlesAsync(host, world);

        using var response = await client.GetAsync("/api/people/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["email"]!);
        Assert.Equal(world.Everyone.Count(), rows.Count);
        Assert.Equal("'=1+2", rows[world.RepA.Email!]["title"]);
        Assert.Equal("'-5", rows[world.RepC.Email!]["title"]);
        Assert.Equal("李小龍", rows[world.RepB.Email!]["name"]);
        Assert.Equal(new DateTime(2022, 1, 10), Assert.IsType<DateTime>(rows[world.RepA.Email!]["hire_date"]));
    }

    [Fact]
    public async Task ExportPeople_Filters_ExportOnlyTheMatchingPeople()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        var byTeam = Rows(await client.GetStringAsync($"/api/people/export?format=csv&teamId={world.TeamB.Id}"));
        Assert.Equal(new[] { world.SupervisorB, world.RepC, world.Star }.Select(p => p.Email!).Order(StringComparer.Ordinal), byTeam.Keys.Order(StringComparer.Ordinal));
        var bySearch = Rows(await client.GetStringAsync("/api/people/export?format=csv&search=zoe"));
        Assert.Equal(world.RepA.Email, Assert.Single(bySearch.Keys));
    }

    [Fact]
    public async Task ExportPeople_UnknownFormat_Is400()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        using var response = await client.GetAsync("/api/people/export?format=pdf");
        Assert.Equal("export.format", await TestHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest));
    }

    /// <summary>Gives five people titles that a spreadsheet would run as formulas; returns the admin's client.</summary>
    private static async Task<HttpClient> SetTitlesAsync(WebTestHost host, TestWorld world)
    {
        var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var titles = new Dictionary<App.Domain.Person, string>
        {
            [world.RepA] = "=1+2", [world.RepB] = "+SUM(A1:A9)", [world.RepC] = "-5", [world.Star] = "@cmd",
            [world.Vp] = "=HYPERLINK(\"http://evil.example\",\"click\")",
        };
        foreach (var (person, title) in titles)
        {
            var current = (await TestHttp.StoredPersonAsync(host, person.Id))!;
            using var response = await admin.PutAsJsonAsync($"/api/people/{person.Id}", TestHttp.UpdateOf(current) with { Title = title });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return admin;
    }

    /// <summary>CSV rows by email, with quotes undone.</summary>
    private static Dictionary<string, Dictionary<string, string>> Rows(string csv)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromText(csv.TrimStart('\uFEFF'));
        var header = reader.Header.ColNames;
        var rows = new Dictionary<string, Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>();
            foreach (var name in header) cells[name] = row[name].ToString();
            rows[cells["email"]] = cells;
        }

        return rows;
    }
}
