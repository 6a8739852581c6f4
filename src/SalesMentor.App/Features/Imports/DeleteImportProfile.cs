using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>Deletes a saved column mapping; the deals it imported stay.</summary>
public sealed class DeleteImportProfile(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<Done>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var profile = await db.ImportProfiles.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (profile is null) return Error.NotFound("import_profile");
        db.ImportProfiles.Remove(profile);
        audit.Record(actor, "import_profile.delete", "import_profile", id.ToString(), null);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
