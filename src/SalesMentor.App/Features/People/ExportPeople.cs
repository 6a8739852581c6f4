using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Export;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Features.People;

public sealed record ExportPeopleRequest(string Format = "csv", string? Search = null, Guid? TeamId = null, Guid? RegionId = null, bool? Active = null);

/// <summary>The directory as a spreadsheet (the columns a roster import reads back).</summary>
public sealed class ExportPeople(SalesMentorDb db, OrgClock orgClock)
{
    public static readonly string[] Columns =
        ["external_id", "name", "email", "title", "team", "region", "manager_external_id", "manager_email", "manager_name", "hire_date", "left_date", "time_zone", "crm_owner_ids"];

    public async Task<Result<ExportFile>> HandleAsync(Actor actor, ExportPeopleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!TableExport.IsKnownFormat(request.Format)) return Error.Validation("export.format", "Choose format csv or xlsx.");
        var today = await orgClock.TodayAsync(ct);
        var query = db.People.AsNoTracking();
        var folded = TextFold.ForSearch(request.Search);
        if (folded.Length > 0) query = query.Where(p => p.SearchKey.Contains(folded));
        if (request.TeamId is { } team) query = query.Where(p => p.TeamId == team);
        if (request.RegionId is { } region) query = query.Where(p => p.RegionId == region);
        if (request.Active == true) query = query.Where(p => p.LeftOn == null || p.LeftOn > today);
        if (request.Active == false) query = query.Where(p => p.LeftOn != null && p.LeftOn <= today);
        var people = await query.OrderBy(p => p.SearchKey).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.ExternalId, p.Name, p.Email, p.Title, Team = p.Team!.Name, Region = p.Region!.Name,
                ManagerExternalId = p.Manager!.ExternalId, ManagerEmail = p.Manager!.Email, ManagerName = p.Manager!.Name, p.HireDate, p.LeftOn, p.TimeZone,
                Crm = p.CrmOwnerIds.Select(l => l.OwnerId).ToList(),
            })
            .ToListAsync(ct);
        var rows = people.Select(p => new object?[]
        {
            p.ExternalId, p.Name, p.Email, p.Title, p.Team, p.Region, p.ManagerExternalId, p.ManagerEmail, p.ManagerName,
            p.HireDate, p.LeftOn, p.TimeZone, string.Join(';', p.Crm.Order(StringComparer.Ordinal)),
        });
        return TableExport.Write(request.Format, $"people-{today:yyyy-MM-dd}", Columns, rows);
    }
}
