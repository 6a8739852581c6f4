using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.App.Tests.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Tests.Features.Stars;

public class ListStarsTests
{
    [Theory, BothProviders]
    public async Task List_EveryStatus_ExplainsEachVerdictWithEvidence(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);

        var list = await StarRuleTests.ListAsync(app, "Star", "not-star", "NotEnoughData");

        // The default rule needs 20 closed deals: nobody here has them.
        Assert.Equal((0, 3, 1, 4), (list.Stars, list.NotStars, list.NotEnoughData, list.Total));
        Assert.Equal(world.RepD.Id, list.Items[0].Person);   // "not enough data" comes before "not a star"
        Assert.Equal(StarStatus.NotEnoughData, list.Items[0].Verdict.Status);
        Assert.Contains("started on 2026-02-01", list.Items[0].Verdict.Reason, StringComparison.Ordinal);
        var a = list.Items.Single(r => r.Person == world.RepA.Id).Verdict;
        Assert.Contains("4 closed deals over the last 4 quarters (needs 20)", a.Reason, StringComparison.Ordinal);
        Assert.Equal((3400.00m, 37.5, 4), (a.Trailing!.Value!.Value, a.Trailing.Percentile!.Value, a.ClosedDeals));
        Assert.Equal(4, a.Quarters.Count);
        Assert.DoesNotContain(list.Items, r => r.Person == world.Manager.Id);
    }

    [Fact]
    public async Task List_UnderOwnAndManagementChain_ShowsOnlyWhatTheViewerMaySee()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await KpiWorld.CreateAsync(app);
        await KpiWorld.SetVisibilityAsync(app, SalesDataVisibility.OwnAndManagementChain);

        var manager = await app.InScopeAsync(s => s.Get<ListStars>().HandleAsync(TestApp.As(world.Manager), new ListStarsRequest(["NotStar", "NotEnoughData"]), default));
        var rep = await app.InScopeAsync(s => s.Get<ListStars>().HandleAsync(TestApp.As(world.RepC), new ListStarsRequest(["NotStar"]), default));

        Assert.Equal(["Ann Alpha", "Ben Beta"], manager.Value.Items.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal((2, 0), (manager.Value.NotStars, manager.Value.NotEnoughData));
        Assert.Equal(["Cara Gamma"], rep.Value.Items.Select(r => r.Name));
    }

    [Theory]
    [InlineData("Superstar")]
    [InlineData("0")]
    [InlineData("")]
    public async Task List_WithAnUnknownStatus_IsAValidationError(string status)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var result = await app.InScopeAsync(s => s.Get<ListStars>().HandleAsync(TestApp.AdminActor, new ListStarsRequest([status]), default));

        Assert.Equal((ErrorKind.Validation, "stars.status"), (result.Error?.Kind, result.Error?.Code));
    }
}
