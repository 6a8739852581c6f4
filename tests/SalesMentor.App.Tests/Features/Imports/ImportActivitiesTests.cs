using System.Globalization;
using System.Text;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Salesforce tasks (the real sample) and events: types, dates, completion, owners and related deals.</summary>
public class ImportActivitiesTests
{
    private static readonly string Events = Csv(
        "Id,OwnerId,WhatId,Subject,ActivityDateTime,DurationInMinutes,EventSubtype",
        "00U1,005X,006D1,Demo,2026-06-10T23:30:00.000+0000,45,Event",
        "00U2,005X,001ACCOUNT,Lunch,2026-07-01T12:00:00.000+0000,60,Event");

    [Theory, BothProviders]
    public async Task ImportActivities_SalesforceTaskSample_Imports75OpenTasks(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var run = Run(await ImportAsync(app, ImportKinds.Activities, Sample("Task.csv")));

        Assert.Equal((ImportStatus.Completed, "salesforce-task", 75, 75, 0), (run.Status, run.Format, run.Rows, run.Added, run.RejectedRows));
        var tasks = (await ActivitiesAsync(app)).ToDictionary(a => a.ExternalId);
        Assert.All(tasks.Values, a => Assert.Equal((ActivityType.Task, false, "salesforce", "005Ec000004oBPNIA2"), (a.Type, a.Completed, a.Source, a.OwnerRef)));
        var first = tasks["00TEc00000Co1WhMAJ"];
        Assert.Equal(("Customer Onboarding", new DateOnly(2023, 12, 25), (string?)null, (int?)null), (first.Subject, first.Date, first.OpportunityRef, first.DurationMinutes));
        Assert.Equal(30, tasks.Values.Count(a => a.OpportunityRef is not null));
        Assert.All(tasks.Values, a => Assert.Null(a.OpportunityId)); // the sample's WhatIds are accounts, not deals
        Assert.Equal(75, run.Report!.UnknownOwners.Single().Rows);

        var again = Run(await ImportAsync(app, ImportKinds.Activities, Sample("Task.csv")));
        Assert.Equal((0, 0, 75), (again.Added, again.Updated, again.Unchanged));
    }

    [Theory, BothProviders]
    public async Task ImportActivities_Events_AreMeetingsDatedInTheOrgZone_AndLinkedToDealsImportedBeforeOrAfter(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SetOrganizationAsync(app, "Europe/Berlin");
        var owner = await ImportOpportunityShapesTests.SeedPersonAsync(app, "Eve Events", "eve@acme.test", crmId: "005X");

        var run = Run(await ImportAsync(app, ImportKinds.Activities, Events));
        Run(await ImportAsync(app, ImportKinds.Opportunities, Csv("Id,OwnerId,Name,StageName,IsClosed,IsWon", "006D1,005X,Deal,Open,0,0")));

        Assert.Equal(("salesforce-event", 2), (run.Format, run.Added));
        var events = (await ActivitiesAsync(app)).ToDictionary(a => a.ExternalId);
        var demo = events["00U1"];
        // 23:30 UTC on 10 June is 01:30 on 11 June in Berlin; today (15 June 2026) is after it, so it has happened.
        Assert.Equal((ActivityType.Meeting, new DateOnly(2026, 6, 11), 45, true, owner), (demo.Type, demo.Date, demo.DurationMinutes, demo.Completed, demo.OwnerId!.Value));
        Assert.False(events["00U2"].Completed);
        var deal = (await OpportunitiesAsync(app)).Single();
        Assert.Equal(deal.Id, demo.OpportunityId);
        Assert.Null(events["00U2"].OpportunityId);

        var eventsAgain = Run(await ImportAsync(app, ImportKinds.Activities, Events));
        Assert.Equal(2, eventsAgain.Unchanged);
        Assert.Equal(deal.Id, (await ActivitiesAsync(app)).Single(a => a.ExternalId == "00U1").OpportunityId);
    }

    [Theory, BothProviders]
    public async Task ImportActivities_TaskTypesAndCompletion_FollowSubtypeTypeIsClosedAndStatus(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv(
            "Id,OwnerId,Subject,ActivityDate,Status,Type,TaskSubtype,IsClosed,CallDurationInSeconds,CreatedDate",
            "T1,005X,Call Bob,2024-05-01,Completed,,Call,,95,",
            "T2,005X,Mail Ann,2024-05-02,Not Started,,Email,,,",
            "T3,005X,Follow up,2024-05-03,,Meeting,,1,,",
            "T4,005X,No date,,Open,,Task,,,2024-05-04T10:00:00Z");

        Run(await ImportAsync(app, ImportKinds.Activities, csv));

        var tasks = (await ActivitiesAsync(app)).ToDictionary(a => a.ExternalId);
        Assert.Equal((ActivityType.Call, true, 2), (tasks["T1"].Type, tasks["T1"].Completed, tasks["T1"].DurationMinutes));
        Assert.Equal((ActivityType.Email, false), (tasks["T2"].Type, tasks["T2"].Completed));
        Assert.Equal((ActivityType.Meeting, true), (tasks["T3"].Type, tasks["T3"].Completed));
        Assert.Equal((ActivityType.Task, new DateOnly(2024, 5, 4)), (tasks["T4"].Type, tasks["T4"].Date));
    }

    // A file whose size is known (more than a megabyte) has its key index sized from its first megabyte: the index still
    // finds a key seen 20,000 rows before, and a re-import still finds every stored row.
    [Theory, BothProviders]
    public async Task ImportActivities_LargeFileOfKnownSize_CatchesADuplicateAtTheEnd_AndReimportsUnchanged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var rows = Enumerable.Range(0, 20_000).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"00T{i:D12},005X,Call number {i} about the renewal and the next steps,2024-05-{(i % 28) + 1:D2},Completed,Call")).ToList();
        var header = "Id,OwnerId,Subject,ActivityDate,Status,TaskSubtype";
        var file = Encoding.UTF8.GetBytes(Csv([header, .. rows, "00T000000000007,005X,Again,2024-05-01,Completed,Call"]));
        Assert.True(file.Length > 1_500_000);

        var refused = Run(await ImportActivitiesFromFileAsync(app, file));
        Assert.Equal((ImportStatus.Rejected, 1, 0), (refused.Status, refused.RejectedRows, refused.Added));
        HasProblem(refused, 20_002, "Id", "The activity '00T000000000007' is already on line 9");
        Assert.Empty(await ActivitiesAsync(app));

        var skipped = Run(await ImportActivitiesFromFileAsync(app, file, skipBadRows: true));
        Assert.Equal((ImportStatus.Completed, 20_000, 1), (skipped.Status, skipped.Added, skipped.RejectedRows));
        var again = Run(await ImportActivitiesFromFileAsync(app, Encoding.UTF8.GetBytes(Csv([header, .. rows]))));
        Assert.Equal((0, 0, 20_000), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(20_000, (await ActivitiesAsync(app)).Count);
    }
}
