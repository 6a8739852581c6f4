using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>The saved column mappings, by name.</summary>
public sealed class ListImportProfiles(SalesMentorDb db)
{
    public async Task<Result<IReadOnlyList<ImportProfileView>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var profiles = await db.ImportProfiles.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        return profiles.Select(ImportProfileView.From).ToList();
    }
}
