using System.Text.Json.Serialization;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Features.Catalogs;

/// <summary>The three catalogs: sales skills, behaviours, company values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CatalogKind>))]
public enum CatalogKind { Skills, Behaviours, Values }

/// <summary>
/// One catalog item. <see cref="Key"/> is a skill's stable slug (null for the others); <see cref="SkillKeys"/> and
/// <see cref="Signal"/> belong to behaviours.
/// </summary>
public sealed record CatalogItemView(
    Guid Id, CatalogKind Kind, string? Key, string Name, string? Description, IReadOnlyList<string> SkillKeys, CrmSignal Signal,
    int SortOrder, bool Archived, int Version)
{
    public static CatalogItemView Of(Skill s) => new(s.Id, CatalogKind.Skills, s.Key, s.Name, s.Description, [], CrmSignal.None, s.SortOrder, s.Archived, s.Version);

    public static CatalogItemView Of(Behaviour b) => new(b.Id, CatalogKind.Behaviours, null, b.Name, b.Description, b.SkillKeys, b.Signal, b.SortOrder, b.Archived, b.Version);

    public static CatalogItemView Of(CompanyValue v) => new(v.Id, CatalogKind.Values, null, v.Name, v.Description, [], CrmSignal.None, v.SortOrder, v.Archived, v.Version);
}

public sealed record CatalogsView(IReadOnlyList<CatalogItemView> Skills, IReadOnlyList<CatalogItemView> Behaviours, IReadOnlyList<CatalogItemView> Values);

/// <summary>
/// A catalog item to create (no id) or change (with the <see cref="Version"/> read, or 409). <see cref="Key"/>: a new
/// skill's slug (made from the name when empty; never changed later). <see cref="SkillKeys"/> and <see cref="Signal"/>:
/// behaviours only.
/// </summary>
public sealed record CatalogItemRequest(
    string? Name, string? Description, string? Key = null, IReadOnlyList<string>? SkillKeys = null, CrmSignal Signal = CrmSignal.None,
    int? SortOrder = null, int Version = 0);
