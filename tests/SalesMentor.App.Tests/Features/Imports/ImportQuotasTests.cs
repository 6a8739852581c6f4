using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Quotas by person (external id, email or name) and period (dates or a label in the fiscal calendar), upserted by person and period start.</summary>
public class ImportQuotasTests
{
    [Theory, BothProviders]
    public async Task ImportQuotas_PeriodLabels_AreReadInTheFiscalCalendar(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SetOrganizationAsync(app, fiscalStart: 2); // FY2026 runs from 2025-02-01 to 2026-01-31
        var ann = await ImportOpportunityShapesTests.SeedPersonAsync(app, "Ann Quota", "ann@acme.test");
        var bob = await ImportOpportunityShapesTests.SeedPersonAsync(app, "Bob Quota", "bob@acme.test");
        var csv = Csv(
            "person,period,amount,currency",
            "ann@acme.test,2026-Q1,\"250,000\",",
            "Bob Quota,FY2026 Q4,100000.50,EUR",
            "ann@acme.test,2026-03,80000,",
            "bob@acme.test,FY2026,1000000,");

        var run = Run(await ImportAsync(app, ImportKinds.Quotas, csv));

        Assert.Equal((ImportStatus.Completed, 4, 0), (run.Status, run.Added, run.RejectedRows));
        var quotas = await QuotasAsync(app);
        Assert.Equal(
        [
            (ann, new DateOnly(2025, 2, 1), new DateOnly(2025, 5, 1), 250_000m, "USD"),
            (ann, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), 80_000m, "USD"),
            (bob, new DateOnly(2025, 2, 1), new DateOnly(2026, 2, 1), 1_000_000m, "USD"),
            (bob, new DateOnly(2025, 11, 1), new DateOnly(2026, 2, 1), 100_000.5m, "EUR"),
        ], quotas.OrderBy(q => q.PersonId == ann ? 0 : 1).ThenBy(q => q.PeriodStart).Select(q => (q.PersonId, q.PeriodStart, q.PeriodEnd, q.Amount, q.Currency)));
    }

    [Theory, BothProviders]
    public async Task ImportQuotas_SameFileAgainThenChanged_KeepsThenUpdatesByPersonAndStart(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportOpportunityShapesTests.SeedPersonAsync(app, "Ann Quota", "ann@acme.test");
        var csv = Csv("email,period_start,period_end,quota", "ann@acme.test,2026-01-01,2026-03-31,90000", "ann@acme.test,2026-04-01,2026-06-30,95000");
        Run(await ImportAsync(app, ImportKinds.Quotas, csv));
        var before = await QuotasAsync(app);

        var same = Run(await ImportAsync(app, ImportKinds.Quotas, csv));
        var changed = Run(await ImportAsync(app, ImportKinds.Quotas, csv.Replace("95000", "97000", StringComparison.Ordinal)));

        Assert.Equal((0, 0, 2), (same.Added, same.Updated, same.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Added, changed.Updated, changed.Unchanged));
        var after = await QuotasAsync(app);
        Assert.Equal(new DateOnly(2026, 4, 1), after.Single(q => q.Amount == 97_000m).PeriodStart);
        Assert.Equal(new DateOnly(2026, 4, 1), after.Single(q => q.Amount == 97_000m).PeriodEnd.AddMonths(-3));
        Assert.Equal(before.Select(q => q.Id).Order(), after.Select(q => q.Id).Order());
    }

    [Theory, BothProviders]
    public async Task ImportQuotas_UnknownPersonBadPeriodAndDuplicates_AreRowErrorsAndNothingIsImported(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await ImportOpportunityShapesTests.SeedPersonAsync(app, "Ann Quota", "ann@acme.test");
        var csv = Csv(
            "person,period,amount",
            "ann@acme.test,2026-Q1,1000",
            "nobody@acme.test,2026-Q1,1000",
            "ann@acme.test,2026-Q5,1000",
            "ann@acme.test,2026-Q1,2000",
            "ann@acme.test,2026-Q2,-5");

        var run = Run(await ImportAsync(app, ImportKinds.Quotas, csv));

        Assert.Equal((ImportStatus.Rejected, 4), (run.Status, run.RejectedRows));
        HasProblem(run, 3, "person", "No person matches 'nobody@acme.test'");
        HasProblem(run, 4, "period", "'2026-Q5' is not a period");
        HasProblem(run, 5, "person", "is already on line 2");
        HasProblem(run, 6, "amount", "'-5' is negative");
        Assert.Empty(await QuotasAsync(app));
    }

    private static Task<List<Quota>> QuotasAsync(TestApp app) => app.InScopeAsync(s => s.Db.Quotas.AsNoTracking().ToListAsync());
}
