using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.People;

public sealed record UpdatePersonRequest(
    string Name, string? Email, string? Title, Guid? TeamId, Guid? RegionId, PersonId? ManagerId,
    DateOnly? HireDate, DateOnly? LeftOn, string? TimeZone, int Version);

/// <summary>An admin corrects a person's record; the manager tree stays a tree; a stale edit is refused.</summary>
public sealed class UpdatePerson(SalesMentorDb db, Access access, AuditLog audit, TimeProvider clock, GetPerson getPerson)
{
    public async Task<Result<PersonDetails>> HandleAsync(Actor actor, PersonId id, UpdatePersonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.CanSeePersonAsync(actor, id, ct)) return Error.NotFound("person");
        if (!Access.CanAdminister(actor)) return Error.Forbidden("person.admin_only", "Only an admin can change a person's record.");

        var name = PersonRules.Name(request.Name, out var problem);
        var email = PersonRules.Email(request.Email, out var emailProblem);
        var title = PersonRules.Optional(request.Title, PersonRules.MaxTitle, "title", out var titleProblem);
        var zone = PersonRules.TimeZone(request.TimeZone, out var zoneProblem);
        var first = problem ?? emailProblem ?? titleProblem ?? zoneProblem ?? PersonRules.Dates(request.HireDate, request.LeftOn);
        if (first is not null) return Error.Validation("person.invalid", Capitalize(first) + ".");
        if (email is not null && await db.People.AnyAsync(p => p.Email == email && p.Id != id, ct))
        {
            return Error.Conflict("person.email_taken", $"Another person already has the email {email}.");
        }

        if (request.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct)) return Error.Validation("person.team", "No such team.");
        if (request.RegionId is { } region && !await db.Regions.AnyAsync(r => r.Id == region, ct)) return Error.Validation("person.region", "No such region.");
        if (request.ManagerId is { } manager)
        {
            if (manager == id) return Error.Validation("person.manager_self", "A person cannot be their own manager.");
            var hierarchy = await access.HierarchyAsync(ct);
            if (!hierarchy.People.Contains(manager)) return Error.Validation("person.manager", "No such manager.");
            if (hierarchy.IsAbove(id, manager)) return Error.Validation("person.manager_cycle", "That manager reports to this person; the manager tree would become a circle.");
        }

        var person = await db.People.SingleAsync(p => p.Id == id, ct);
        db.Entry(person).Property(p => p.Version).OriginalValue = request.Version;
        person.Name = name!;
        person.Email = email;
        person.Title = title;
        person.TeamId = request.TeamId;
        person.RegionId = request.RegionId;
        person.ManagerId = request.ManagerId;
        person.HireDate = request.HireDate;
        person.LeftOn = request.LeftOn;
        person.TimeZone = zone;
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        person.RefreshKeys();
        audit.Record(actor, "person.update", "person", id.ToString());
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await SalesDataStamp.BumpAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("person");
        }

        access.ForgetHierarchy();
        return await getPerson.HandleAsync(actor, id, ct);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
