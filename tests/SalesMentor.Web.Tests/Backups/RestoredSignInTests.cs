using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Backups;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Backups;

public class RestoredSignInTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SignInCookie_FromBeforeTheBackup_StillWorksOnTheRestoredInstallation(Provider provider)
    {
        var cookies = new CookieContainer();
        using var archive = new MemoryStream();
        string personId;
        await using (var original = await WebTestHost.StartAsync(provider))
        {
            var world = await original.CreateWorldAsync();
            personId = world.RepA.Id.ToString();
            using var client = original.CreateClient(cookies);
            Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(client, world.RepA.Email!, TestWorld.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/people/{personId}")).StatusCode);
            await using var scope = original.Services.CreateAsyncScope();
            var backup = await scope.ServiceProvider.GetRequiredService<CreateBackup>().HandleAsync(Actor.CommandLine, new CreateBackupRequest(archive, "a long backup passphrase"), default);
            Assert.True(backup.IsSuccess, backup.Error?.Message);
        }

        // A new machine: an empty database, the backup restored into it before the app starts.
        var fresh = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fresh.Settings).Build();
        await using (var services = new ServiceCollection().AddLogging().AddSalesMentorApp(configuration).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var restored = await scope.ServiceProvider.GetRequiredService<RestoreBackup>().HandleAsync(Actor.CommandLine, new RestoreBackupRequest(new MemoryStream(archive.ToArray()), "a long backup passphrase"), default);
            Assert.True(restored.IsSuccess, restored.Error?.Message);
        }

        await using var restoredHost = await WebTestHost.StartOnAsync(fresh);
        using var again = restoredHost.CreateClient(cookies);
        var response = await again.GetAsync($"/api/people/{personId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
