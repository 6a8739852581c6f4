using SalesMentor.App.Data;
using SalesMentor.App.Features.People;

namespace SalesMentor.App.Kpis;

/// <summary>
/// Team and region names as stored now (<see cref="OrgUnitsCache"/> rereads them after any write to Teams or Regions),
/// so a renamed team shows its new name at once.
/// </summary>
internal sealed class KpiNames(IReadOnlyDictionary<Guid, string> teams, IReadOnlyDictionary<Guid, string> regions)
{
    public static async Task<KpiNames> LoadAsync(SalesMentorDb db, OrgUnitsCache units, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(units);
        var names = await units.NamesAsync(db, ct);
        return new(names.Teams, names.Regions);
    }

    public string? Team(Guid? id) => id is { } t && teams.TryGetValue(t, out var name) ? name : null;

    public string? Region(Guid? id) => id is { } r && regions.TryGetValue(r, out var name) ? name : null;

    /// <summary>The team with this name (any case, trimmed) or id; null when there is none.</summary>
    public Guid? FindTeam(string nameOrId)
    {
        var text = nameOrId.Trim();
        if (Guid.TryParse(text, out var id)) return teams.ContainsKey(id) ? id : null;
        var matches = teams.Where(t => string.Equals(t.Value.Trim(), text, StringComparison.OrdinalIgnoreCase)).Select(t => t.Key).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
