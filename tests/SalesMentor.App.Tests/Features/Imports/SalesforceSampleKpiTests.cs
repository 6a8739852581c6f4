using System.Globalization;
using nietras.SeparatedValues;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;
using static SalesMentor.App.Tests.Features.Kpis.GetScorecardTests;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>
/// The real Salesforce sample (../shared/data/salesforce-sample/) imported end to end, in both
/// shapes Salesforce users have (Data Export with API names, and the same deals as a report export
/// with labels, <c>USD 1,234.56</c> and footer lines), with the owner linked to a person: the
/// scorecard shows the values computed by hand from the file.
/// </summary>
/// <remarks>
/// Hand computation (all 50 deals belong to user 005Ec000004oBPNIA2 and were created on
/// 2024-01-22; the organization is in UTC with a January fiscal year):
/// FY2023 by close date: 12 won for 10,542,562.98, 3 lost for 3,058,912.50 → win rate 12/15 = 0.8,
/// by value 10,542,562.98 / 13,601,475.48, average deal 10,542,562.98 / 12 = 878,546.915. Every won
/// deal closed before it was created, so the sales cycle is empty and the 12 are counted as a data
/// problem. FY2023 Q4: 6 won for 4,753,026.31, 1 lost for 817,004.69. FY2024: all 50 deals created,
/// 43,603,545.98 of pipeline; the 35 open deals hold 30,002,070.50. The 75 tasks are all
/// "Not Started", so no activity counts.
/// </remarks>
public class SalesforceSampleKpiTests
{
    private const string OwnerId = "005Ec000004oBPNIA2";
    private const string OwnerName = "Sam Sample";

    [Theory, BothProviders]
    public async Task SalesforceSample_ApiNames_ScorecardMatchesTheHandComputation(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var users = Run(await ImportAsync(app, ImportKinds.Users, Csv("Id,Name,Email,IsActive", $"{OwnerId},{OwnerName},sam@sample.test,1")));
        Assert.Equal((ImportStatus.Completed, 1), (users.Status, users.Added));

        var deals = Run(await ImportAsync(app, ImportKinds.Opportunities, Sample("Opportunity.csv")));
        var tasks = Run(await ImportAsync(app, ImportKinds.Activities, Sample("Task.csv")));

        Assert.Equal((ImportStatus.Completed, 50, 0), (deals.Status, deals.Added, deals.Report?.UnknownOwners.Count ?? 0));
        Assert.Equal((ImportStatus.Completed, 75), (tasks.Status, tasks.Added));
        await AssertHandComputedAsync(app);
    }

    [Theory, BothProviders]
    public async Task SalesforceSample_AsAReportExport_GivesTheSameScorecard_AndReimportChangesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportOpportunityShapesTests.SeedPersonAsync(app, OwnerName, "sam@sample.test");
        var report = AsReport(Sample("Opportunity.csv"));

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, report));
        Run(await ImportAsync(app, ImportKinds.Activities, Sample("Task.csv")));

        Assert.Equal((ImportStatus.Completed, "salesforce-report", 50, 50, 0), (run.Status, run.Format, run.Rows, run.Added, run.RejectedRows));
        Assert.Empty(run.Errors);
        Assert.Contains("Skipped 4 report footer lines", run.Notice, StringComparison.Ordinal);
        await AssertHandComputedAsync(app);

        var stamp = await StampAsync(app);
        var again = Run(await ImportAsync(app, ImportKinds.Opportunities, report));
        Assert.Equal((0, 0, 50), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(stamp, await StampAsync(app));
        await AssertHandComputedAsync(app);
    }

    private static async Task AssertHandComputedAsync(TestApp app)
    {
        var person = await app.InScopeAsync(s => Task.FromResult(s.Db.People.Single(p => p.Name == OwnerName).Id));

        var year = await CardAsync(app, person, "year", "FY2023");
        Assert.Equal(("FY2023", "USD"), (year.Period.Key, year.Currency));
        Assert.Equal(10_542_562.98m, Value(year, "won-revenue"));
        Assert.Equal((12m, 3m), (Value(year, "won-deals")!.Value, Value(year, "lost-deals")!.Value));
        Assert.Equal(0.8m, Value(year, "win-rate-by-count"));
        Assert.Equal(10_542_562.98m / 13_601_475.48m, Value(year, "win-rate-by-value")!.Value, 12);
        Assert.Equal(878_546.915m, Value(year, "average-deal-size")!.Value, 6);
        Assert.Null(Value(year, "sales-cycle-median-days"));
        Assert.Equal(12m, Value(year, "sales-cycle-negative"));
        Assert.Equal((0m, 0m), (Value(year, "pipeline-created")!.Value, Value(year, "activities")!.Value));

        var quarter = await CardAsync(app, person, "quarter", "2023-Q4");
        Assert.Equal(4_753_026.31m, Value(quarter, "won-revenue"));
        Assert.Equal((6m, 1m), (Value(quarter, "won-deals")!.Value, Value(quarter, "lost-deals")!.Value));
        Assert.Equal(6m / 7, Value(quarter, "win-rate-by-count")!.Value, 12);

        var next = await CardAsync(app, person, "year", "FY2024");
        Assert.Equal((43_603_545.98m, 50m), (Value(next, "pipeline-created")!.Value, Value(next, "opportunities-created")!.Value));
        Assert.Equal(30_002_070.50m, Value(next, "open-pipeline"));
        Assert.Equal(0m, Value(next, "won-revenue"));
    }

    private static async Task<ScorecardView> CardAsync(TestApp app, PersonId person, string kind, string period)
    {
        var card = await ScorecardAsync(app, TestApp.AdminActor, person, kind, period);
        Assert.True(card.IsSuccess, card.Error?.Message);
        return card.Value;
    }

    /// <summary>
    /// The sample's deals as Salesforce writes an opportunity report ("Details Only"): labels, the owner's
    /// full name, <c>USD 1,234.56</c>, M/d/yyyy dates, Won/Closed as 1/0, and the footer lines. The sample
    /// holds account ids only, so they stand in the Account Name column.
    /// </summary>
    private static string AsReport(byte[] apiExport)
    {
        var lines = new List<string> { Quote("Opportunity Owner", "Opportunity Name", "Account Name", "Stage", "Amount", "Close Date", "Created Date", "Won", "Closed", "Probability (%)", "Opportunity ID") };
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new MemoryStream(apiExport));
        foreach (var row in reader)
        {
            static string Date(string value) => DateOnly.ParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("M/d/yyyy", CultureInfo.InvariantCulture);
            static string Flag(string value) => value == "1" ? "1" : "0";
            var amount = decimal.Parse(row["Amount"].ToString(), CultureInfo.InvariantCulture);
            lines.Add(Quote(
                OwnerName, row["Name"].ToString(), row["AccountId"].ToString(), row["StageName"].ToString(), "USD " + amount.ToString("N2", CultureInfo.InvariantCulture),
                Date(row["CloseDate"].ToString()), Date(row["CreatedDate"].ToString()), Flag(row["IsWon"].ToString()), Flag(row["IsClosed"].ToString()),
                row["Probability"].ToString(), row["Id"].ToString()));
        }

        lines.AddRange(["", Quote("Opportunity Pipeline"), Quote("Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."),
            Quote("Confidential Information - Do Not Distribute"), Quote("Generated By:  Sam Sample  1/22/2024 4:14 PM")]);
        return Csv([.. lines]);
    }

    private static string Quote(params string[] cells) => string.Join(",", cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
