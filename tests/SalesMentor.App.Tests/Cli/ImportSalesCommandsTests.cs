using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;

namespace SalesMentor.App.Tests.Cli;

/// <summary><c>salesmentor import opportunities|activities|quotas|users|exchange-rates FILE …</c>, invoked the way the shell does.</summary>
[Collection(nameof(CommandLineRuns))]
public class ImportSalesCommandsTests
{
    private const string HubSpot = "Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Deal Owner,Create Date\n1,A,Closed Won,Main,100,2024-01-10,,2024-01-01\n2,B,Negotiation,Main,50,,,2024-01-02\n";

    /// <summary>The example mapping, written as a user would (docs/import-crm.md).</summary>
    private const string MappingJson = """
        {
          "name": "Acme CRM",
          "kind": "opportunities",
          "columns": { "externalId": "deal_ref", "owner": "rep", "account": "customer", "amount": "value",
                       "stage": "status", "createdDate": "opened", "closeDate": "closed" },
          "ownerMatch": "name",
          "currency": "EUR",
          "outcome": { "column": "status", "won": ["Closed Won"], "lost": ["Closed Lost"], "open": ["Open"] },
          "dateFormat": "yyyy-MM-dd",
          "decimalSeparator": "."
        }
        """;

    [Fact]
    public async Task ImportOpportunities_SalesforceSample_ExitsZeroAndImportsAsCommandLine()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var code = await RunAsync(app, "import", "opportunities", Write(app, "Opportunity.csv", SalesImports.Sample("Opportunity.csv")));

        Assert.Equal(0, code);
        Assert.Equal(50, await app.InScopeAsync(s => s.Db.Opportunities.CountAsync()));
        var run = await app.InScopeAsync(s => s.Db.ImportRuns.SingleAsync());
        Assert.Equal(("opportunities", "salesforce", ImportStatus.Completed, "command line"), (run.Kind, run.Format, run.Status, run.ActorName));
    }

    [Fact]
    public async Task ImportOpportunities_HubSpotWithoutStages_ExitsTwoAndWritesNothing_WithStagesFile_Imports()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var file = Write(app, "deals.csv", HubSpot);

        var refused = await RunAsync(app, "import", "opportunities", file);
        var imported = await RunAsync(app, "import", "opportunities", file, "--stages", Write(app, "stages.csv", "stage,outcome\nClosed Won,won\nNegotiation,open\n"));

        Assert.Equal((2, 0), (refused, imported));
        Assert.Equal(["1"], await app.InScopeAsync(s => s.Db.Opportunities.Where(o => o.IsWon).Select(o => o.ExternalId).ToListAsync()));
        Assert.Equal(2, await app.InScopeAsync(s => s.Db.CrmStageMappings.CountAsync(m => m.Pipeline == "Main")));
    }

    [Fact]
    public async Task ImportOpportunities_CsvThroughAMapFile_ExitsZero_AndCsvWithoutAMap_ExitsTwo()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var file = Write(app, "acme.csv", ImportOpportunityShapesTests.OtherCrm);

        var withoutMap = await RunAsync(app, "import", "opportunities", file, "--source", "csv");
        var badMap = await RunAsync(app, "import", "opportunities", file, "--map", Write(app, "bad.json", "{ \"columns\": {} }"));
        var withMap = await RunAsync(app, "import", "opportunities", file, "--map", Write(app, "acme.json", MappingJson));

        Assert.Equal((2, 2, 0), (withoutMap, badMap, withMap));
        var deals = await app.InScopeAsync(s => s.Db.Opportunities.OrderBy(o => o.ExternalId).ToListAsync());
        Assert.Equal(["csv:acme-crm"], deals.Select(o => o.Source).Distinct());
        Assert.Equal((12_500.50m, "EUR", true), (deals[0].Amount, deals[0].Currency, deals[0].IsWon));
    }

    [Fact]
    public async Task ImportQuotas_BadRow_ExitsOne_UnlessSkipBadRows()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await ImportOpportunityShapesTests.SeedPersonAsync(app, "Ann Quota", "ann@acme.test");
        var file = Write(app, "quotas.csv", "email,period,amount\nann@acme.test,2026-Q1,1000\nann@acme.test,2026-Q9,1000\n");

        var strict = await RunAsync(app, "import", "quotas", file);
        var skipping = await RunAsync(app, "import", "quotas", file, "--skip-bad-rows");

        Assert.Equal((1, 0), (strict, skipping));
        Assert.Equal(1, await app.InScopeAsync(s => s.Db.Quotas.CountAsync()));
    }

    [Fact]
    public async Task ImportActivitiesUsersAndRates_DryRunWritesNothing_AndRealRunsImport()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var dry = await RunAsync(app, "import", "activities", Write(app, "Task.csv", SalesImports.Sample("Task.csv")), "--dry-run");
        var activities = await app.InScopeAsync(s => s.Db.Activities.CountAsync());
        var users = await RunAsync(app, "import", "users", Write(app, "User.csv", "Id,Name,Email,ManagerId,IsActive\n005Ec000004oBPNIA2,Sal Sample,sal@acme.test,,1\n"));
        var tasks = await RunAsync(app, "import", "activities", Write(app, "Task.csv", SalesImports.Sample("Task.csv")));
        var rates = await RunAsync(app, "import", "exchange-rates", Write(app, "rates.csv", "currency,valid_from,rate\nEUR,2026-01-01,1.08\n"));

        Assert.Equal((0, 0, 0, 0, 0), (dry, activities, users, tasks, rates));
        var sal = await app.InScopeAsync(s => s.Db.People.SingleAsync());
        Assert.Equal(75, await app.InScopeAsync(s => s.Db.Activities.CountAsync(a => a.OwnerId == sal.Id)));
        Assert.Equal(1, await app.InScopeAsync(s => s.Db.ExchangeRates.CountAsync()));
    }

    [Fact]
    public async Task ImportSalesData_MissingFileOrOptionsForTheWrongKind_ExitTwo()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var quotas = Write(app, "quotas.csv", "email,period,amount\n");

        var missing = await RunAsync(app, "import", "opportunities", Path.Combine(app.Database.Folder, "nope.csv"));
        var none = await RunAsync(app, "import", "users");
        var mapForQuotas = await RunAsync(app, "import", "quotas", quotas, "--map", Write(app, "m.json", MappingJson));
        var missingStages = await RunAsync(app, "import", "opportunities", quotas, "--stages", Path.Combine(app.Database.Folder, "nope.json"));

        Assert.Equal((2, 2, 2, 2), (missing, none, mapForQuotas, missingStages));
    }

    private static string Write(TestApp app, string name, string text) => Write(app, name, System.Text.Encoding.UTF8.GetBytes(text));

    private static string Write(TestApp app, string name, byte[] bytes)
    {
        var path = Path.Combine(app.Database.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<int> RunAsync(TestApp app, params string[] args)
    {
        CliHost.Overrides.Value = app.Database.Settings;
        return await CliProgram.Root().Parse(args).InvokeAsync();
    }
}
