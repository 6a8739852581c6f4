using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Audit;

public sealed record AuditRow(long Id, DateTime At, string ActorKind, string ActorName, string Action, string ResourceType, string? ResourceId, string? Detail);

public sealed record ListAuditEventsRequest(string? Action = null, PageRequest Paging = default);

/// <summary>The audit log, newest first, for admins (it holds ids and actions, never content).</summary>
public sealed class ListAuditEvents(SalesMentorDb db)
{
    public async Task<Result<Paged<AuditRow>>> HandleAsync(Actor actor, ListAuditEventsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("audit.admin_only", "Only an admin can read the audit log.");
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Action)) query = query.Where(a => a.Action.StartsWith(request.Action));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip(request.Paging.Skip).Take(request.Paging.SafeSize)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorKind, a.ActorName, a.Action, a.ResourceType, a.ResourceId, a.Detail))
            .ToListAsync(ct);
        return new Paged<AuditRow>(rows, total, request.Paging.SafePage, request.Paging.SafeSize);
    }
}
