using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Deals from the real Salesforce sample (API field names, UTF-8 with BOM, 35 columns): counts and values checked by hand.</summary>
public class ImportOpportunitiesTests
{
    [Theory, BothProviders]
    public async Task ImportOpportunities_SalesforceSample_Imports50DealsWithHandCheckedValues(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var stampBefore = await StampAsync(app);

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));

        Assert.Equal((ImportStatus.Completed, 50, 50, 0, 0, 0), (run.Status, run.Rows, run.Added, run.Updated, run.Unchanged, run.RejectedRows));
        Assert.Equal("salesforce", run.Format);
        Assert.Empty(run.Errors);
        var deals = (await OpportunitiesAsync(app)).ToDictionary(o => o.ExternalId);
        Assert.Equal(50, deals.Count);
        Assert.All(deals.Values, o => Assert.Equal(("salesforce", "USD", "005Ec000004oBPNIA2", (Core.People.PersonId?)null), (o.Source, o.Currency, o.OwnerRef, o.OwnerId)));
        Assert.Equal((12, 3, 35), (deals.Values.Count(o => o.IsWon), deals.Values.Count(o => o.IsClosed && !o.IsWon), deals.Values.Count(o => !o.IsClosed)));
        Assert.Equal(10_542_562.98m, deals.Values.Where(o => o.IsWon).Sum(o => o.Amount));

        var open = deals["006Ec00000AieKFIAZ"];
        Assert.Equal(("Patterson-Hansen - Merchant Services - November 2024", "001Ec00000GGw3iIAD", "Qualification", "Merchant Services"), (open.Name, open.Account, open.Stage, open.Product));
        Assert.Equal((1_124_741.15m, new DateOnly(2024, 11, 10), new DateOnly(2024, 1, 22), false, false, 10), (open.Amount, open.CloseDate, open.CreatedOn, open.IsClosed, open.IsWon, open.Probability));
        var won = deals["006Ec00000AieKGIAZ"];
        Assert.Equal((1_651_993.36m, new DateOnly(2023, 6, 17), true, true, "Closed Won", 100), (won.Amount, won.CloseDate, won.IsClosed, won.IsWon, won.Stage, won.Probability));

        Assert.Equal(("005Ec000004oBPNIA2", 50), (run.Report!.UnknownOwners.Single().Owner, run.Report.UnknownOwners.Single().Rows));
        Assert.Contains("no CurrencyIsoCode column", run.Notice, StringComparison.Ordinal);
        Assert.Contains("UTF-8 (with byte order mark)", run.Notice, StringComparison.Ordinal);
        Assert.Equal(stampBefore + 1, await StampAsync(app));
    }

    [Theory]
    [InlineData("Pacific/Auckland", 23)] // 16:14 UTC is 05:14 the next day in Auckland (UTC+13 in January)
    [InlineData("America/Los_Angeles", 22)]
    public async Task ImportOpportunities_SalesforceSample_CreatedDateIsTheDayInTheOrganizationsTimeZone(string zone, int day)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await SetOrganizationAsync(app, zone);

        Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));

        Assert.All(await OpportunitiesAsync(app), o => Assert.Equal(new DateOnly(2024, 1, day), o.CreatedOn));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_SameFileTwice_EverythingUnchangedWithoutVersionOrImportTimeChurn(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));
        var before = await SnapshotAsync(app);
        var stamp = await StampAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));

        Assert.Equal((ImportStatus.Completed, 0, 0, 50), (run.Status, run.Added, run.Updated, run.Unchanged));
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(stamp, await StampAsync(app));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_ChangedRow_UpdatesOnlyThatDeal(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));
        var before = (await OpportunitiesAsync(app)).ToDictionary(o => o.ExternalId);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var original = Encoding.UTF8.GetString(Sample("Opportunity.csv"));
        var changed = original.Replace(
            "Qualification,1124741.15,10,2024-11-10,,,,,,Pipeline,Pipeline", "Closed Won,1200000,100,2024-11-12,,,,1,1,Closed,Closed", StringComparison.Ordinal);
        Assert.NotEqual(original, changed);

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, changed));

        Assert.Equal((0, 1, 49), (run.Added, run.Updated, run.Unchanged));
        var after = (await OpportunitiesAsync(app)).ToDictionary(o => o.ExternalId);
        var deal = after["006Ec00000AieKFIAZ"];
        Assert.Equal((1_200_000m, new DateOnly(2024, 11, 12), true, true, "Closed Won"), (deal.Amount, deal.CloseDate, deal.IsClosed, deal.IsWon, deal.Stage));
        Assert.Equal((before[deal.ExternalId].Version + 1, app.Clock.GetUtcNow().UtcDateTime, before[deal.ExternalId].Id), (deal.Version, deal.ImportedAt, deal.Id));
        var other = after["006Ec00000AieKGIAZ"];
        Assert.Equal((before[other.ExternalId].Version, before[other.ExternalId].ImportedAt), (other.Version, other.ImportedAt));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_OwnerUnknownAtFirst_IsLinkedByALaterRosterImport(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));
        Assert.All(await OpportunitiesAsync(app), o => Assert.Null(o.OwnerId));

        var roster = (await RosterImports.ImportAsync(app, RosterImports.Csv("name,email,crm_owner_ids", "Sal Sample,sal@acme.test,005Ec000004oBPNIA2"))).Value;
        Assert.Equal(1, roster.Added);

        var owner = await app.InScopeAsync(s => s.Db.People.SingleAsync(p => p.Email == "sal@acme.test"));
        Assert.All(await OpportunitiesAsync(app), o => Assert.Equal(owner.Id, o.OwnerId));
        var again = Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));
        Assert.Equal((50, null), (again.Unchanged, again.Report));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_DryRun_WritesNothingAndStoresNoRun(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv"), new ImportSalesDataRequest(Stream.Null, null, DryRun: true)));

        Assert.Equal((ImportStatus.Completed, true, 50), (run.Status, run.DryRun, run.Added));
        Assert.Empty(await OpportunitiesAsync(app));
        Assert.Empty(await app.InScopeAsync(s => s.Db.ImportRuns.ToListAsync()));
    }

    [Fact]
    public async Task ImportOpportunities_NotAnAdmin_IsForbidden()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var rep = Common.Actor.User(Core.People.PersonId.New(), "Rep", isAdmin: false);

        var result = await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv"), actor: rep);

        Assert.Equal("import.admin_only", result.Error!.Code);
        Assert.Empty(await OpportunitiesAsync(app));
    }
}
