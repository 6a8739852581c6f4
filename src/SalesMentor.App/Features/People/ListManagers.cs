using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;

namespace SalesMentor.App.Features.People;

/// <summary>Everyone who has at least one direct report, for the directory's manager filter.</summary>
public sealed class ListManagers(SalesMentorDb db)
{
    public async Task<Result<IReadOnlyList<PersonRef>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var managers = await db.People.AsNoTracking()
            .Where(p => db.People.Any(r => r.ManagerId == p.Id))
            .Select(p => new PersonRef(p.Id, p.Name, p.Title)).ToListAsync(ct);
        return managers.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
    }
}
