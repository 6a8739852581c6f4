using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <summary>
/// Saves what HubSpot deal stages mean (won, lost or open), before an import through the API that
/// has no page to confirm them on; the import page and the command line save them with the import.
/// </summary>
public sealed class SaveStageMappings(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<StageMappingView>>> HandleAsync(Actor actor, IReadOnlyList<StageDecision> stages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        foreach (var stage in stages)
        {
            if (string.IsNullOrWhiteSpace(stage?.Stage) || stage.Stage.Length > 300 || (stage.Pipeline?.Length ?? 0) > 300 || !Enum.IsDefined(stage.Outcome))
            {
                return Error.Validation("stage_mapping.invalid", "Each stage needs a name (at most 300 characters), an optional pipeline and an outcome: Won, Lost or Open.");
            }
        }

        var stored = await db.CrmStageMappings.Where(m => m.Source == "hubspot").ToListAsync(ct);
        foreach (var stage in stages.DistinctBy(s => (s.Pipeline ?? "", s.Stage.Trim())))
        {
            var (pipeline, name) = (stage.Pipeline?.Trim() ?? "", stage.Stage.Trim());
            var found = stored.FirstOrDefault(m => m.Pipeline == pipeline && m.Stage == name);
            if (found is null) db.CrmStageMappings.Add(new CrmStageMapping { Source = "hubspot", Pipeline = pipeline, Stage = name, Outcome = stage.Outcome });
            else found.Outcome = stage.Outcome;
        }

        audit.Record(actor, "stage_mapping.save", "stage_mapping", "hubspot", $"stages={stages.Count}");
        await db.SaveChangesAsync(ct);
        return await new ListStageMappings(db).HandleAsync(actor, ct);
    }
}
