using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;

namespace SalesMentor.App.Features.Catalogs;

/// <summary>Everyone signed in reads the catalogs (enrollment forms offer them); deleted items only on request.</summary>
public sealed class ListCatalogs(SalesMentorDb db)
{
    public async Task<Result<CatalogsView>> HandleAsync(Actor actor, bool includeArchived, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var skills = await db.Skills.AsNoTracking().Where(s => includeArchived || !s.Archived).ToListAsync(ct);
        var behaviours = await db.Behaviours.AsNoTracking().Where(b => includeArchived || !b.Archived).ToListAsync(ct);
        var values = await db.CompanyValues.AsNoTracking().Where(v => includeArchived || !v.Archived).ToListAsync(ct);
        return new CatalogsView(
            [.. skills.OrderBy(s => s.SortOrder).ThenBy(s => s.Name, StringComparer.CurrentCulture).Select(CatalogItemView.Of)],
            [.. behaviours.OrderBy(b => b.SortOrder).ThenBy(b => b.Name, StringComparer.CurrentCulture).Select(CatalogItemView.Of)],
            [.. values.OrderBy(v => v.SortOrder).ThenBy(v => v.Name, StringComparer.CurrentCulture).Select(CatalogItemView.Of)]);
    }
}
