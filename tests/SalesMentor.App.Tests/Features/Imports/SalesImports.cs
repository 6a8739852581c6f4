using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Tests.Import;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Runs the sales-data use cases the way the hosts do, on files given as text or taken from ../shared/data.</summary>
internal static class SalesImports
{
    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>A file of the real Salesforce sample (../shared/data/salesforce-sample/), found by walking up from the test binaries.</summary>
    public static byte[] Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "..", "shared", "data", "salesforce-sample", name))) dir = dir.Parent;
        if (dir is null) throw new FileNotFoundException($"../shared/data/salesforce-sample/{name} was not found above " + AppContext.BaseDirectory);
        return File.ReadAllBytes(Path.Combine(dir.FullName, "..", "shared", "data", "salesforce-sample", name));
    }

    public static Task<Result<ImportRunView>> ImportAsync(TestApp app, string kind, string csv, ImportSalesDataRequest? options = null, Actor? actor = null) =>
        ImportAsync(app, kind, Encoding.UTF8.GetBytes(csv), options, actor);

    /// <summary>The one-shot import of <paramref name="kind"/>, reading the file through a forward-only stream.</summary>
    public static async Task<Result<ImportRunView>> ImportAsync(TestApp app, string kind, byte[] bytes, ImportSalesDataRequest? options = null, Actor? actor = null)
    {
        await using var stream = new NonSeekableStream(new MemoryStream(bytes), 1000);
        var request = (options ?? new ImportSalesDataRequest(Stream.Null, null)) with { Content = stream, FileName = options?.FileName ?? kind + ".csv" };
        var who = actor ?? TestApp.AdminActor;
        return await app.InScopeAsync(s => kind switch
        {
            ImportKinds.Opportunities => s.Get<ImportOpportunities>().HandleAsync(who, request, default),
            ImportKinds.Activities => s.Get<ImportActivities>().HandleAsync(who, request, default),
            ImportKinds.Quotas => s.Get<ImportQuotas>().HandleAsync(who, request, default),
            ImportKinds.Users => s.Get<ImportUsers>().HandleAsync(who, request, default),
            _ => s.Get<ImportExchangeRates>().HandleAsync(who, request, default),
        });
    }

    /// <summary>The one-shot import of activities from a stream that can seek and knows its length, as a file on disk (the command line).</summary>
    public static async Task<Result<ImportRunView>> ImportActivitiesFromFileAsync(TestApp app, byte[] bytes, bool skipBadRows = false)
    {
        await using var stream = new MemoryStream(bytes, writable: false);
        var request = new ImportSalesDataRequest(stream, "Task.csv", SkipBadRows: skipBadRows);
        return await app.InScopeAsync(s => s.Get<ImportActivities>().HandleAsync(TestApp.AdminActor, request, default));
    }

    public static async Task<Result<ImportRunView>> StageAsync(TestApp app, byte[] bytes, string fileName = "upload.csv", string? kind = null, string? format = null)
    {
        await using var stream = new NonSeekableStream(new MemoryStream(bytes), 1000);
        return await app.InScopeAsync(s => s.Get<StageImport>().HandleAsync(TestApp.AdminActor, new StageImportRequest(stream, fileName, kind, format), default));
    }

    public static Task<Result<ImportRunView>> CommitAsync(TestApp app, Guid id, IReadOnlyList<StageDecision>? stages = null, bool? skipBadRows = null) =>
        app.InScopeAsync(s => s.Get<CommitImport>().HandleAsync(TestApp.AdminActor, new CommitImportRequest(id, skipBadRows, stages), default));

    public static Task<List<Opportunity>> OpportunitiesAsync(TestApp app) =>
        app.InScopeAsync(s => s.Db.Opportunities.AsNoTracking().OrderBy(o => o.ExternalId).ToListAsync());

    public static Task<List<Activity>> ActivitiesAsync(TestApp app) =>
        app.InScopeAsync(s => s.Db.Activities.AsNoTracking().OrderBy(a => a.ExternalId).ToListAsync());

    public static Task SetOrganizationAsync(TestApp app, string timeZone = "UTC", string currency = "USD", int fiscalStart = 1) =>
        app.InScopeAsync(s => s.Db.OrganizationSettings.ExecuteUpdateAsync(u => u
            .SetProperty(o => o.TimeZone, timeZone).SetProperty(o => o.CorporateCurrency, currency).SetProperty(o => o.FiscalYearStartMonth, fiscalStart)));

    /// <summary>Every stored deal, with its version and import time, as one comparable text.</summary>
    public static async Task<string> SnapshotAsync(TestApp app) => string.Join("\n", (await OpportunitiesAsync(app)).Select(o => string.Join("|",
        o.Id, o.Source, o.ExternalId, o.OwnerId, o.OwnerRef, o.Name, o.Account, o.Product, o.Stage, o.Amount, o.Currency, o.CreatedOn, o.CloseDate,
        o.IsClosed, o.IsWon, o.Probability, o.LeadSource, o.ImportedAt.Ticks, o.Version)));

    public static Task<long> StampAsync(TestApp app) => app.InScopeAsync(s => SalesDataStamp.CurrentAsync(s.Db, default));

    public static void HasProblem(ImportRunView run, int line, string? column, string fragment) => RosterImports.HasProblem(run, line, column, fragment);

    /// <summary>The run of a rejected or failed import (the use case succeeds with it; only the status says so).</summary>
    public static T Run<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
