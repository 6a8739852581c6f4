using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Tests.Import;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Runs the roster use cases the way the hosts do, on a file given as text.</summary>
internal static class RosterImports
{
    public const string FullHeader = "external_id,name,email,title,team,region,manager,hire_date,left_date,time_zone,crm_owner_ids";

    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>The one-shot import, reading the file through a forward-only stream.</summary>
    public static Task<Result<ImportRunView>> ImportAsync(TestApp app, string csv, bool skipBadRows = false, bool dryRun = false, Actor? actor = null) =>
        ImportAsync(app, Encoding.UTF8.GetBytes(csv), skipBadRows, dryRun, actor);

    public static async Task<Result<ImportRunView>> ImportAsync(TestApp app, byte[] bytes, bool skipBadRows = false, bool dryRun = false, Actor? actor = null)
    {
        await using var stream = new NonSeekableStream(new MemoryStream(bytes), 1000);
        return await app.InScopeAsync(s => s.Get<ImportRoster>().HandleAsync(actor ?? TestApp.AdminActor, new ImportRosterRequest(stream, "roster.csv", skipBadRows, dryRun), default));
    }

    public static async Task<Result<ImportRunView>> StageAsync(TestApp app, string csv, bool skipBadRows = false, Actor? actor = null)
    {
        await using var stream = new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(csv)), 1000);
        return await app.InScopeAsync(s => s.Get<StageRosterImport>().HandleAsync(actor ?? TestApp.AdminActor, new StageRosterImportRequest(stream, "staged.csv", skipBadRows), default));
    }

    public static Task<List<Person>> PeopleAsync(TestApp app) => app.InScopeAsync(s => s.Db.People.AsNoTracking()
        .Include(p => p.CrmOwnerIds).Include(p => p.Team).Include(p => p.Region).Include(p => p.Manager).ToListAsync());

    public static async Task<Person> PersonAsync(TestApp app, string externalIdOrEmail) =>
        (await PeopleAsync(app)).Single(p => p.ExternalId == externalIdOrEmail || p.Email == externalIdOrEmail);

    /// <summary>Everything an import can change, as one comparable snapshot.</summary>
    public static async Task<string> SnapshotAsync(TestApp app)
    {
        var people = await PeopleAsync(app);
        var teams = await app.InScopeAsync(s => s.Db.Teams.AsNoTracking().Select(t => t.Name + "|" + t.RegionId).ToListAsync());
        var regions = await app.InScopeAsync(s => s.Db.Regions.AsNoTracking().Select(r => r.Name).ToListAsync());
        var lines = people.Select(p => string.Join("|", p.Id, p.ExternalId, p.Name, p.Email, p.Title, p.TeamId, p.RegionId, p.ManagerId, p.HireDate, p.LeftOn,
            p.TimeZone, string.Join(";", p.CrmOwnerIds.Select(l => l.OwnerId).Order(StringComparer.Ordinal)), p.Version, p.UpdatedAt.Ticks));
        return string.Join("\n", lines.Concat(teams).Concat(regions).Order(StringComparer.Ordinal));
    }

    public static void HasProblem(ImportRunView run, int line, string? column, string fragment) =>
        Assert.True(run.Errors.Any(e => e.Line == line && e.Column == column && e.Reason.Contains(fragment, StringComparison.Ordinal)),
            $"Expected a problem on line {line}, column {column}, containing '{fragment}'. Found:\n" +
            string.Join("\n", run.Errors.Select(e => $"{e.Line} [{e.Column}] {e.Reason}")));
}
