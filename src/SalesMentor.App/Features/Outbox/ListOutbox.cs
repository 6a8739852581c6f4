using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Outbox;

/// <summary>
/// Status only: who a mail is for, what kind, and how delivery went. Never the body, which may
/// hold someone's one-time sign-in link.
/// </summary>
public sealed record OutboxRow(Guid Id, string ToAddress, string Category, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt, string? LastError);

public sealed record OutboxSummary(int Pending, int Sent, int Logged, int Failed, Paged<OutboxRow> Messages);

public sealed record ListOutboxRequest(OutboxStatus? Status = null, PageRequest Paging = default);

public sealed class ListOutbox(SalesMentorDb db)
{
    public async Task<Result<OutboxSummary>> HandleAsync(Actor actor, ListOutboxRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("outbox.admin_only", "Only an admin can see the outbox.");
        var counts = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = db.Outbox.AsNoTracking();
        if (request.Status is { } status) query = query.Where(m => m.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(request.Paging.Skip).Take(request.Paging.SafeSize)
            .Select(m => new OutboxRow(m.Id, m.ToAddress, m.Category, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
        return new OutboxSummary(
            counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sent),
            counts.GetValueOrDefault(OutboxStatus.Logged), counts.GetValueOrDefault(OutboxStatus.Failed),
            new Paged<OutboxRow>(rows, total, request.Paging.SafePage, request.Paging.SafeSize));
    }
}
