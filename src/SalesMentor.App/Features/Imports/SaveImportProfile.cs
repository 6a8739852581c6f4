using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Import.Crm;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Imports;

/// <param name="Id">Null to save a new profile.</param>
/// <param name="Version">The version the edit was made against (ignored for a new profile).</param>
public sealed record SaveImportProfileRequest(Guid? Id, string Name, ImportMapping Mapping, int Version = 0);

/// <summary>
/// Saves a column mapping under a name, for the next file from the same CRM. The deals it imports
/// keep their source (<c>csv:</c> and the name it was first saved under), so renaming the profile
/// does not turn re-imports into new deals.
/// </summary>
public sealed class SaveImportProfile(SalesMentorDb db, AuditLog audit, TimeProvider clock)
{
    public const int MaxName = 100;

    public async Task<Result<ImportProfileView>> HandleAsync(Actor actor, SaveImportProfileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return ImportErrors.AdminOnly;
        var name = PersonRules.Optional(request.Name, MaxName, "profile name", out var nameProblem);
        if (name is null) return Error.Validation("import_profile.name", nameProblem is null ? "Give the column mapping a name." : RosterRowParser(nameProblem));
        if (MappingFormat.Check(request.Mapping) is { Count: > 0 } problems) return Error.Validation("import_profile.mapping", string.Join(" ", problems));
        var found = request.Id is { } existing ? await db.ImportProfiles.SingleOrDefaultAsync(p => p.Id == existing, ct) : null;
        if (request.Id is not null && found is null) return Error.NotFound("import_profile");
        if (await db.ImportProfiles.AnyAsync(p => p.Name == name && p.Kind == ImportKinds.Opportunities && p.Id != request.Id, ct))
        {
            return Error.Conflict("import_profile.name_taken", $"A column mapping named '{name}' exists already; choose another name.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        ImportProfile profile;
        if (found is not null)
        {
            profile = found;
            db.Entry(profile).Property(p => p.Version).OriginalValue = request.Version;
            var source = request.Mapping.Source ?? ImportProfileView.Read(profile.MappingJson)?.Source ?? ImportMapping.Slug(profile.Name);
            profile.Name = name;
            profile.MappingJson = Json(request.Mapping with { Name = name, Source = source });
            profile.UpdatedAt = now;
        }
        else
        {
            profile = new ImportProfile
            {
                Name = name, Kind = ImportKinds.Opportunities, CreatedAt = now, UpdatedAt = now,
                MappingJson = Json(request.Mapping with { Name = name, Source = request.Mapping.Source ?? ImportMapping.Slug(name) }),
            };
            db.ImportProfiles.Add(profile);
        }

        audit.Record(actor, "import_profile.save", "import_profile", profile.Id.ToString(), null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("column mapping");
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("import_profile.name_taken", $"A column mapping named '{name}' exists already; choose another name.");
        }

        return ImportProfileView.From(profile);
    }

    private static string Json(ImportMapping mapping) => System.Text.Json.JsonSerializer.Serialize(mapping, ImportMapping.Json);

    private static string RosterRowParser(string problem) => Import.RosterRowParser.Sentence(problem);
}
