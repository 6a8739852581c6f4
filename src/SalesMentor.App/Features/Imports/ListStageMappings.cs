using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>What a CRM's deal stage means, as saved.</summary>
public sealed record StageMappingView(string Source, string Pipeline, string Stage, StageOutcome Outcome);

/// <summary>The saved meaning of every HubSpot deal stage.</summary>
public sealed class ListStageMappings(SalesMentorDb db)
{
    public async Task<Result<IReadOnlyList<StageMappingView>>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        return await db.CrmStageMappings.AsNoTracking().OrderBy(m => m.Source).ThenBy(m => m.Pipeline).ThenBy(m => m.Stage)
            .Select(m => new StageMappingView(m.Source, m.Pipeline, m.Stage, m.Outcome)).ToListAsync(ct);
    }
}
