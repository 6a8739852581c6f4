using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>The import wizard's use cases: upload and recognise, choose how to read, preview, confirm stages, import.</summary>
public class StageImportTests
{
    [Theory, BothProviders]
    public async Task StageImport_SalesforceSample_IsRecognisedAndPreviewedRawAndParsedSideBySide_ThenCommitted(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var staged = Run(await StageAsync(app, Sample("Opportunity.csv"), "Opportunity.csv"));

        Assert.Equal((ImportStatus.Staged, "opportunities", "salesforce", 50, 0), (staged.Status, staged.Kind, staged.Format, staged.Added, staged.RejectedRows));
        var preview = staged.Preview!;
        Assert.Equal(SalesImporterPreviewRows, preview.Rows.Count);
        var first = preview.Rows[0];
        Assert.Equal(2, first.Line);
        Assert.Equal("1124741.15", first.Values[preview.Fields.ToList().IndexOf("Amount")]);
        Assert.Equal("1,124,741.15 USD", first.Parsed![preview.ParsedFields!.ToList().IndexOf("amount")]);
        Assert.Equal("open", first.Parsed[preview.ParsedFields!.ToList().IndexOf("outcome")]);
        Assert.Contains(preview.Columns, c => c.Header == "IsDeleted" && c.ReadAs is null);
        Assert.Empty(await OpportunitiesAsync(app));
        var fetched = Run(await app.InScopeAsync(s => s.Get<GetImport>().HandleAsync(TestApp.AdminActor, staged.Id, default)));
        Assert.Equal(preview.Rows.Count, fetched.Preview!.Rows.Count);

        var committed = Run(await CommitAsync(app, staged.Id));

        Assert.Equal((ImportStatus.Completed, 50), (committed.Status, committed.Added));
        Assert.Equal(50, (await OpportunitiesAsync(app)).Count);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.Database.Folder, "imports")));
    }

    [Theory, BothProviders]
    public async Task StageImport_HubSpot_ListsEveryStageWithAGuess_AndTheCommitNeedsThemConfirmed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv("Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Deal Owner,Create Date",
            "1,A,Closed Won,Main,100,2024-01-10,,2024-01-01", "2,B,Closed Lost,Main,200,2024-01-11,,2024-01-01", "3,C,Qualified,Main,300,,,2024-01-01");

        var staged = Run(await StageAsync(app, Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(("hubspot", ImportStatus.Staged), (staged.Format, staged.Status));
        Assert.Equal(
            [("Closed Lost", StageOutcome.Lost, false), ("Closed Won", StageOutcome.Won, false), ("Qualified", StageOutcome.Open, false)],
            staged.Report!.Stages.Select(s => (s.Stage, s.Outcome, s.Known)).OrderBy(s => s.Stage));
        var refused = await CommitAsync(app, staged.Id);
        Assert.Equal(ImportErrors.UnknownStagesCode, refused.Error!.Code);
        Assert.Equal(ImportStatus.Staged, await app.InScopeAsync(s => s.Db.ImportRuns.Where(r => r.Id == staged.Id).Select(r => r.Status).SingleAsync()));

        StageDecision[] stages = [new("Main", "Closed Won", StageOutcome.Won), new("Main", "Closed Lost", StageOutcome.Lost), new("Main", "Qualified", StageOutcome.Won)];
        var committed = Run(await CommitAsync(app, staged.Id, stages));

        Assert.Equal((ImportStatus.Completed, 3), (committed.Status, committed.Added));
        Assert.Equal(["1", "3"], (await OpportunitiesAsync(app)).Where(o => o.IsWon).Select(o => o.ExternalId));
        var again = Run(await StageAsync(app, Encoding.UTF8.GetBytes(csv)));
        Assert.All(again.Report!.Stages, s => Assert.True(s.Known));
        Assert.Equal(StageOutcome.Won, again.Report.Stages.Single(s => s.Stage == "Qualified").Outcome);
    }

    [Theory, BothProviders]
    public async Task StageImport_ColumnsOfAnotherCrm_StayStagedUntilASavedMappingIsChosen(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staged = Run(await StageAsync(app, Encoding.UTF8.GetBytes(ImportOpportunityShapesTests.OtherCrm), "acme.csv"));
        Assert.Equal(ImportStatus.Staged, staged.Status);
        Assert.Contains(staged.Errors, e => e.Reason.Contains("choose or make a column mapping", StringComparison.Ordinal));
        Assert.Equal("import.not_readable_as_chosen", (await CommitAsync(app, staged.Id)).Error!.Code);

        var profile = Run(await app.InScopeAsync(s => s.Get<SaveImportProfile>().HandleAsync(TestApp.AdminActor,
            new SaveImportProfileRequest(null, "Acme CRM", ImportOpportunityShapesTests.OtherCrmMapping with { Name = null }), default)));
        var configured = Run(await app.InScopeAsync(s => s.Get<ConfigureImport>().HandleAsync(TestApp.AdminActor,
            new ConfigureImportRequest(staged.Id, new ImportSettings { Kind = ImportKinds.Opportunities, Format = ImportFormats.Csv, ProfileId = profile.Id }), default)));

        Assert.Equal((ImportStatus.Staged, "csv", 3), (configured.Status, configured.Format, configured.Added));
        Assert.Equal("12,500.50 EUR", configured.Preview!.Rows[0].Parsed![configured.Preview.ParsedFields!.ToList().IndexOf("amount")]);
        var committed = Run(await CommitAsync(app, staged.Id));
        Assert.Equal(3, committed.Added);
        Assert.All(await OpportunitiesAsync(app), o => Assert.Equal("csv:acme-crm", o.Source));
    }

    [Theory, BothProviders]
    public async Task StageImport_Roster_IsRecognisedAndCommittedAsARoster(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var staged = Run(await StageAsync(app, Encoding.UTF8.GetBytes(RosterImports.Csv("name,email,manager", "Vera Vice,vera@acme.test,", "Sam Lead,sam@acme.test,vera@acme.test"))));
        var committed = Run(await CommitAsync(app, staged.Id));

        Assert.Equal(("roster", ImportStatus.Completed, 2), (staged.Kind, committed.Status, committed.Added));
        Assert.Equal(2, await app.InScopeAsync(s => s.Db.People.CountAsync()));
    }

    [Theory, BothProviders]
    public async Task ConfigureImport_AnotherKind_ReadsTheSameFileAgainAsThatKind(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var staged = Run(await StageAsync(app, Sample("Task.csv"), "Task.csv"));
        Assert.Equal(("activities", "salesforce-task", 75), (staged.Kind, staged.Format, staged.Added));

        var asDeals = Run(await app.InScopeAsync(s => s.Get<ConfigureImport>().HandleAsync(TestApp.AdminActor,
            new ConfigureImportRequest(staged.Id, new ImportSettings { Kind = ImportKinds.Opportunities, Format = ImportFormats.Salesforce }), default)));

        Assert.Equal((ImportStatus.Staged, "opportunities"), (asDeals.Status, asDeals.Kind));
        Assert.Contains(asDeals.Errors, e => e.Reason.Contains("no IsWon column", StringComparison.Ordinal));
    }

    private const int SalesImporterPreviewRows = SalesMentor.App.Import.Crm.SalesImporter.PreviewRows;
}
