using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Catalogs;

/// <summary>Admins add catalog items (<paramref name="id"/> null) and change them (a stale version is refused with 409).</summary>
public sealed class SaveCatalogItem(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<CatalogItemView>> HandleAsync(Actor actor, CatalogKind kind, Guid? id, CatalogItemRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("catalog.admin_only", "Only an admin can change the catalogs.");
        if (!Enum.IsDefined(kind)) return Error.NotFound("catalog");
        var name = TextRules.Read(request.Name, "catalog.name", "a name", TextRules.MaxName, required: true);
        if (!name.IsSuccess) return name.Error!;
        var description = TextRules.Read(request.Description, "catalog.description", "the description", TextRules.MaxText, multiline: true);
        if (!description.IsSuccess) return description.Error!;
        if (!Enum.IsDefined(request.Signal)) return Error.Validation("catalog.signal", "Choose a CRM signal from the list, or none.");
        var skillKeys = (request.SkillKeys ?? []).Select(k => k?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (kind == CatalogKind.Behaviours && skillKeys.Count > 0)
        {
            var known = await db.Skills.Where(s => skillKeys.Contains(s.Key)).Select(s => s.Key).ToListAsync(ct);
            if (known.Count != skillKeys.Count) return Error.Validation("catalog.skills", "A behaviour can only be tied to skills of the catalog.");
        }

        object entity;
        if (id is null)
        {
            var created = await CreateAsync(kind, request, name.Value!, ct);
            if (!created.IsSuccess) return created.Error!;
            entity = created.Value;
        }
        else
        {
            entity = kind switch
            {
                CatalogKind.Skills => await db.Skills.SingleOrDefaultAsync(s => s.Id == id, ct),
                CatalogKind.Behaviours => await db.Behaviours.SingleOrDefaultAsync(b => b.Id == id, ct),
                _ => (object?)await db.CompanyValues.SingleOrDefaultAsync(v => v.Id == id, ct),
            } ?? (object)Error.NotFound("catalog item");
            if (entity is Error missing) return missing;
            db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = request.Version;
        }

        var sort = request.SortOrder;
        switch (entity)
        {
            case Skill s: (s.Name, s.Description, s.SortOrder) = (name.Value!, description.Value, sort ?? s.SortOrder); break;
            case Behaviour b: (b.Name, b.Description, b.SkillKeys, b.Signal, b.SortOrder) = (name.Value!, description.Value, skillKeys, request.Signal, sort ?? b.SortOrder); break;
            case CompanyValue v: (v.Name, v.Description, v.SortOrder) = (name.Value!, description.Value, sort ?? v.SortOrder); break;
        }

        var itemId = entity switch { Skill s => s.Id, Behaviour b => b.Id, _ => ((CompanyValue)entity).Id };
        audit.Record(actor, id is null ? "catalog.create" : "catalog.update", "catalog-" + kind.ToString().ToLowerInvariant(), itemId.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("catalog item");
        }
        catch (DbUpdateException) when (kind == CatalogKind.Skills && id is null)
        {
            return Error.Conflict("catalog.key_taken", "Another skill already has that key.");
        }

        return entity switch { Skill s => CatalogItemView.Of(s), Behaviour b => CatalogItemView.Of(b), _ => CatalogItemView.Of((CompanyValue)entity) };
    }

    private async Task<Result<object>> CreateAsync(CatalogKind kind, CatalogItemRequest request, string name, CancellationToken ct)
    {
        var order = kind switch
        {
            CatalogKind.Skills => await db.Skills.MaxAsync(s => (int?)s.SortOrder, ct),
            CatalogKind.Behaviours => await db.Behaviours.MaxAsync(b => (int?)b.SortOrder, ct),
            _ => await db.CompanyValues.MaxAsync(v => (int?)v.SortOrder, ct),
        } ?? -1;
        switch (kind)
        {
            case CatalogKind.Skills:
                var key = Slug(string.IsNullOrWhiteSpace(request.Key) ? name : request.Key);
                if (key.Length == 0) return Error.Validation("catalog.key", "A skill's key is made of letters, digits and dashes (e.g. account-growth).");
                if (await db.Skills.AnyAsync(s => s.Key == key, ct)) return Error.Conflict("catalog.key_taken", $"Another skill already has the key '{key}'.");
                var skill = new Skill { Key = key, Name = name, SortOrder = order + 1 };
                db.Skills.Add(skill);
                return skill;
            case CatalogKind.Behaviours:
                var behaviour = new Behaviour { Name = name, SortOrder = order + 1 };
                db.Behaviours.Add(behaviour);
                return behaviour;
            default:
                var value = new CompanyValue { Name = name, SortOrder = order + 1 };
                db.CompanyValues.Add(value);
                return value;
        }
    }

    /// <summary>Lower-case ASCII letters and digits, words joined by dashes; at most 60 characters.</summary>
    internal static string Slug(string? text)
    {
        var folded = Core.Text.TextFold.ForSearch(text ?? "").ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 60) break;
        }

        return slug.ToString().Trim('-');
    }
}
