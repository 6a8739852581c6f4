using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.People;

/// <summary>
/// Directory pages are kept per instance (<see cref="DirectoryPages"/>); every write to People, Teams or Regions —
/// any column, through EF or plain SQL — is seen by the next request (the <c>directory</c> counter of migration
/// DirectoryCache), and a page is the same for everyone who asks.
/// </summary>
public class DirectoryPagesTests
{
    private static Task<Paged<PersonRow>> Page(TestApp app, Actor actor, SearchPeopleRequest request) =>
        app.InScopeAsync(async s => (await s.Get<SearchPeople>().HandleAsync(actor, request, default)).Value);

    private static Task<int> Sql(TestApp app, FormattableString sql) =>
        app.InScopeAsync(s => s.Db.Database.ExecuteSqlInterpolatedAsync(sql));

    private static async Task<PersonRow> RowOf(TestApp app, Person person) =>
        (await Page(app, TestApp.AdminActor, new SearchPeopleRequest())).Items.Single(r => r.Id == person.Id);

    [Theory, BothProviders]
    public async Task EveryColumnAPageShows_ChangedInSql_IsSeenByTheNextRequest(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var before = await RowOf(app, world.RepA);
        Assert.Equal(before, await RowOf(app, world.RepA));

        await Sql(app, $"""UPDATE "People" SET "Email" = 'renamed.rep@example.test', "Title" = 'Principal AE', "HireDate" = {new DateOnly(2020, 2, 3)} WHERE "Id" = {world.RepA.Id.Value}""");
        var changed = await RowOf(app, world.RepA);
        Assert.Equal(("renamed.rep@example.test", "Principal AE", new DateOnly(2020, 2, 3)), (changed.Email, changed.Title, changed.HireDate));

        await Sql(app, $"""UPDATE "Teams" SET "Name" = 'Team Renamed' WHERE "Id" = {world.TeamA.Id}""");
        Assert.Equal("Team Renamed", (await RowOf(app, world.RepA)).Team);

        await Sql(app, $"""UPDATE "People" SET "LeftOn" = {DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1)} WHERE "Id" = {world.RepA.Id.Value}""");
        Assert.False((await RowOf(app, world.RepA)).IsActive);
        var stillHere = await Page(app, TestApp.AdminActor, new SearchPeopleRequest(Active: true));
        Assert.DoesNotContain(stillHere.Items, r => r.Id == world.RepA.Id);
    }

    [Theory, BothProviders]
    public async Task APage_IsTheSameForEveryViewer_AndNothingReadInARolledBackTransactionIsKept(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var request = new SearchPeopleRequest(Search: "rep");
        var byAdmin = await Page(app, TestApp.AdminActor, request);
        var byRep = await Page(app, TestApp.As(world.RepB), request);
        Assert.Equal(byAdmin.Items, byRep.Items);
        Assert.Contains(byAdmin.Items, r => r.Id == world.RepA.Id);

        await using (var scope = app.Scope())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            await scope.Db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "People" SET "Title" = 'Rolled back' WHERE "Id" = {world.RepA.Id.Value}""");
            var inside = (await scope.Get<SearchPeople>().HandleAsync(TestApp.AdminActor, request, default)).Value;
            Assert.Equal("Rolled back", inside.Items.Single(r => r.Id == world.RepA.Id).Title);
            await transaction.RollbackAsync();
        }

        // Another write brings the counter where the rolled-back one had it: the page must come from the database.
        await Sql(app, $"""UPDATE "People" SET "Title" = "Title" WHERE "Id" = {world.RepB.Id.Value}""");
        Assert.NotEqual("Rolled back", (await Page(app, TestApp.AdminActor, request)).Items.Single(r => r.Id == world.RepA.Id).Title);
    }
}
