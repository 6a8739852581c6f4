using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

public sealed record ListImportsRequest(PageRequest Paging = default);

/// <summary>The import history, newest first.</summary>
public sealed class ListImports(SalesMentorDb db)
{
    public async Task<Result<Paged<ImportRunRow>>> HandleAsync(Actor actor, ListImportsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var total = await db.ImportRuns.CountAsync(ct);
        var rows = await db.ImportRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip(request.Paging.Skip).Take(request.Paging.SafeSize)
            .Select(r => new ImportRunRow(r.Id, r.Kind, r.Format, r.FileName, r.FileSize, r.Status, r.Rows, r.Added, r.Updated, r.Unchanged, r.RejectedRows,
                r.Errors.Count, r.ActorName, r.StartedAt, r.FinishedAt))
            .ToListAsync(ct);
        return new Paged<ImportRunRow>(rows, total, request.Paging.SafePage, request.Paging.SafeSize);
    }
}
