using System.Net;
using SalesMentor.App.Common;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Api;

public class PeopleEndpointsTests
{
    [Fact]
    public async Task SearchPeople_SignedIn_ReturnsThePage()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        var page = await client.GetFromJsonAsync<Paged<PersonRow>>("/api/people?search=zoe");
        Assert.Equal(world.RepA.Name, Assert.Single(page!.Items).Name);
    }

    [Fact]
    public async Task SearchPeople_Anonymous_Is401()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        var response = await client.GetAsync("/api/people");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
