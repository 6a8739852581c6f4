using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.People;

public sealed record OpportunityRow(
    Guid Id, string Source, string ExternalId, string? Name, string? Account, string? Product, string? Stage,
    decimal? Amount, string Currency, DateOnly? CreatedOn, DateOnly? CloseDate, bool IsClosed, bool IsWon);

public sealed record ActivityRow(
    Guid Id, string Source, string ExternalId, ActivityType Type, string? Subject, DateOnly Date,
    int? DurationMinutes, bool Completed, string? OpportunityRef);

/// <summary>A person's opportunities, newest close date first; hidden (404) unless the actor may see their sales data.</summary>
public sealed class GetPersonOpportunities(SalesMentorDb db, Access access)
{
    public async Task<Result<Paged<OpportunityRow>>> HandleAsync(Actor actor, PersonId id, PageRequest paging, CancellationToken ct)
    {
        if (!await access.CanSeePersonAsync(actor, id, ct) || !await access.CanSeeSalesDataAsync(actor, id, ct))
        {
            return Error.NotFound("person");
        }

        var query = db.Opportunities.AsNoTracking().Where(o => o.OwnerId == id);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(o => o.CloseDate).ThenByDescending(o => o.CreatedOn).ThenBy(o => o.Id)
            .Skip(paging.Skip).Take(paging.SafeSize)
            .Select(o => new OpportunityRow(o.Id, o.Source, o.ExternalId, o.Name, o.Account, o.Product, o.Stage,
                o.Amount, o.Currency, o.CreatedOn, o.CloseDate, o.IsClosed, o.IsWon))
            .ToListAsync(ct);
        return new Paged<OpportunityRow>(rows, total, paging.SafePage, paging.SafeSize);
    }
}

/// <summary>A person's calls, emails, meetings and tasks, newest first; hidden like their opportunities.</summary>
public sealed class GetPersonActivities(SalesMentorDb db, Access access)
{
    public async Task<Result<Paged<ActivityRow>>> HandleAsync(Actor actor, PersonId id, PageRequest paging, CancellationToken ct)
    {
        if (!await access.CanSeePersonAsync(actor, id, ct) || !await access.CanSeeSalesDataAsync(actor, id, ct))
        {
            return Error.NotFound("person");
        }

        var query = db.Activities.AsNoTracking().Where(a => a.OwnerId == id);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.Date).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.SafeSize)
            .Select(a => new ActivityRow(a.Id, a.Source, a.ExternalId, a.Type, a.Subject, a.Date, a.DurationMinutes, a.Completed, a.OpportunityRef))
            .ToListAsync(ct);
        return new Paged<ActivityRow>(rows, total, paging.SafePage, paging.SafeSize);
    }
}
