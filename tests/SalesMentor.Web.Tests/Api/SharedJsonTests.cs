using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>
/// Views the application keeps for every reader (directory pages, the KPI overview, scorecards) are written from bytes
/// serialized once per view (<c>SharedJson</c>): the body must be what the view says now, never a kept one after a
/// change, never one reader's view for another, and a hidden scorecard stays a 404 after someone allowed read it.
/// </summary>
public class SharedJsonTests
{
    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(response.Content.Headers.ContentLength, System.Text.Encoding.UTF8.GetByteCount(body));
        return body;
    }

    [Theory, BothProviders]
    public async Task ADirectoryPage_AfterAChangeInSql_ShowsTheChange(Provider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepB.Email!);
        var first = await BodyAsync(rep, "/api/people?search=zoe");
        Assert.Equal(first, await BodyAsync(rep, "/api/people?search=zoe"));
        Assert.Equal("Account Executive", JsonSerializer.Deserialize<Paged<PersonRow>>(first, JsonSerializerOptions.Web)!.Items.Single().Title);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "People" SET "Title" = 'Regional Director' WHERE "Id" = {world.RepA.Id.Value}"""));
        }

        var after = JsonSerializer.Deserialize<Paged<PersonRow>>(await BodyAsync(rep, "/api/people?search=zoe"), JsonSerializerOptions.Web)!;
        Assert.Equal("Regional Director", after.Items.Single().Title);
    }

    [Fact]
    public async Task TheBody_IsByteForByteWhatOkWouldWrite()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);
        using var response = await rep.GetAsync($"/api/people/{world.RepA.Id}/scorecard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shared = await response.Content.ReadAsByteArrayAsync();

        // The same (kept) view written by ASP.NET Core's own Ok<T>, with the app's services and JSON options.
        await using var scope = host.Services.CreateAsyncScope();
        var view = (await scope.ServiceProvider.GetRequiredService<GetScorecard>()
            .HandleAsync(TestApp.As(world.RepA), world.RepA.Id, new GetScorecardRequest(), default)).Value;
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await Microsoft.AspNetCore.Http.TypedResults.Ok(view).ExecuteAsync(context);
        Assert.Equal(context.Response.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(body.ToArray(), shared);
    }

    [Fact]
    public async Task TheKpiOverview_ShowsBuildFiguresToAdminsOnly_InWhicheverOrderTheyAsk()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepA.Email!);
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);

        static KpiOverview Read(string body) => JsonSerializer.Deserialize<KpiOverview>(body, JsonSerializerOptions.Web)!;
        Assert.Null(Read(await BodyAsync(rep, "/api/kpis")).Stats);
        Assert.NotNull(Read(await BodyAsync(admin, "/api/kpis")).Stats);
        Assert.Null(Read(await BodyAsync(rep, "/api/kpis")).Stats);
    }

    [Fact]
    public async Task AScorecardKeptForOneReader_IsNeitherAnotherPersonsNorShownToSomeoneWhoMayNotSeeIt()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        await TestHttp.SetVisibilityAsync(admin, SalesDataVisibility.OwnAndManagementChain);
        using var supervisor = await host.SignedInClientAsync(world.SupervisorA.Email!);
        using var repB = await host.SignedInClientAsync(world.RepB.Email!);

        static ScorecardView Read(string body) => JsonSerializer.Deserialize<ScorecardView>(body, JsonSerializerOptions.Web)!;
        var a = Read(await BodyAsync(supervisor, $"/api/people/{world.RepA.Id}/scorecard"));
        var b = Read(await BodyAsync(supervisor, $"/api/people/{world.RepB.Id}/scorecard"));
        Assert.Equal((world.RepA.Id, world.RepB.Id), (a.Person, b.Person));
        Assert.Equal(a.Person, Read(await BodyAsync(admin, $"/api/people/{world.RepA.Id}/scorecard")).Person);

        using var hidden = await repB.GetAsync($"/api/people/{world.RepA.Id}/scorecard");
        Assert.Equal("person.not_found", await TestHttp.AssertProblemAsync(hidden, HttpStatusCode.NotFound));
        Assert.Equal(world.RepB.Id, Read(await BodyAsync(repB, $"/api/people/{world.RepB.Id}/scorecard")).Person);
    }
}
