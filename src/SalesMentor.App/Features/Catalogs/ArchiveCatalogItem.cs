using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Catalogs;

/// <summary>
/// Admins delete a catalog item: it is no longer offered, but stays stored (archived) so the ratings and
/// enrollments that name it still read. A stale version is refused with 409.
/// </summary>
public sealed class ArchiveCatalogItem(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<CatalogItemView>> HandleAsync(Actor actor, CatalogKind kind, Guid id, int version, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return Error.Forbidden("catalog.admin_only", "Only an admin can change the catalogs.");
        IVersioned? entity = kind switch
        {
            CatalogKind.Skills => await db.Skills.SingleOrDefaultAsync(s => s.Id == id, ct),
            CatalogKind.Behaviours => await db.Behaviours.SingleOrDefaultAsync(b => b.Id == id, ct),
            CatalogKind.Values => await db.CompanyValues.SingleOrDefaultAsync(v => v.Id == id, ct),
            _ => null,
        };
        if (entity is null) return Error.NotFound("catalog item");
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        switch (entity)
        {
            case Skill s: s.Archived = true; break;
            case Behaviour b: b.Archived = true; break;
            case CompanyValue v: v.Archived = true; break;
        }

        audit.Record(actor, "catalog.delete", "catalog-" + kind.ToString().ToLowerInvariant(), id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("catalog item");
        }

        return entity switch { Skill s => CatalogItemView.Of(s), Behaviour b => CatalogItemView.Of(b), _ => CatalogItemView.Of((CompanyValue)entity) };
    }
}
