using System.Text.Json;
using SalesMentor.App.Domain;
using SalesMentor.App.Import.Crm;

namespace SalesMentor.App.Features.Imports;

/// <summary>A saved column mapping: its name and the mapping (see docs/import-crm.md).</summary>
public sealed record ImportProfileView(Guid Id, string Name, string Kind, ImportMapping Mapping, int Version, DateTime UpdatedAt)
{
    internal static ImportProfileView From(ImportProfile profile) =>
        new(profile.Id, profile.Name, profile.Kind, Read(profile.MappingJson) ?? new ImportMapping { Name = profile.Name }, profile.Version, profile.UpdatedAt);

    internal static ImportMapping? Read(string json)
    {
        try { return JsonSerializer.Deserialize<ImportMapping>(json, ImportMapping.Json); }
        catch (JsonException) { return null; }
    }
}
