using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Kpis;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.Demo;

namespace SalesMentor.App.Features.Demo;

/// <param name="AsOf">The last day of the demo's history; today (UTC) when null, so the demo always looks current.</param>
public sealed record SeedDemoRequest(DemoSize Size = DemoSize.Small, int Seed = 1, DateOnly? AsOf = null);

public sealed record SeedDemoResult(DemoSignIns Logins, int People, int Opportunities, int Activities, int Quotas, int Mentorships = 0, int Interactions = 0);

/// <summary>How far the demo writer has got, for progress bars.</summary>
public sealed record DemoProgress(string Stage, long Done, long? Total);

/// <summary>The four demo sign-ins, all with the same password. They exist only in a demo database.</summary>
public sealed record DemoSignIns(string Admin, string Manager, string Star, string Mentee)
{
    public const string Password = "demo-password";
    public static DemoSignIns Default { get; } = new("admin@demo.example", "manager@demo.example", "star@demo.example", "mentee@demo.example");
}

/// <summary>
/// Fills an empty database with the generated demo organization (people, teams, quotas, deals,
/// activities), the four demo accounts, and its mentoring: a completed program, a running one and a thin pilot
/// (mentorships, signed agreements, sessions) and a year of manager interactions. Refuses a database that already has people.
/// </summary>
public sealed class SeedDemoOrganization(SalesMentorDb db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IServiceScopeFactory scopes, KpiCache kpis, ConfidentialCipher cipher)
{
    private const int Batch = 5_000;

    public async Task<Result<SeedDemoResult>> HandleAsync(Actor actor, SeedDemoRequest request, CancellationToken ct, IProgress<DemoProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("demo.admin_only", "Only an admin can create the demo organization.");
        if (!Enum.IsDefined(request.Size)) return Error.Validation("demo.size", "The demo size is small or large.");
        if (await db.People.AnyAsync(ct)) return Error.Conflict("demo.not_empty", "The database already has people; the demo organization goes into an empty database only.");

        var now = clock.GetUtcNow().UtcDateTime;
        var asOf = request.AsOf ?? DateOnly.FromDateTime(now);
        var demo = DemoGenerator.Generate(new DemoOptions(request.Size, request.Seed, asOf, "USD", "demo.example"));

        var settings = await db.OrganizationSettings.SingleAsync(ct);
        settings.Name = "Demo Sales Organization";
        settings.TimeZone = demo.Regions[0].TimeZone;
        var people = DemoRoster.Write(db, demo, now);
        await db.SaveChangesAsync(ct);
        progress?.Report(new DemoProgress("people", people, people));

        var quotas = await InsertAsync(demo.Quotas.Select(q => new Quota
        {
            PersonId = q.PersonId, PeriodStart = q.PeriodStart, PeriodEnd = q.PeriodEnd, Amount = q.Amount, Currency = q.Currency,
        }), "quotas", demo.Quotas.Count, progress, ct);
        var opportunities = await InsertAsync(demo.AllOpportunities().Select(o => DemoRoster.ToEntity(o, now)), "opportunities", null, progress, ct);
        var activities = await InsertAsync(demo.AllActivities().Select(a => DemoRoster.ToEntity(a, now)), "activities", null, progress, ct);

        var logins = await CreateAccountsAsync(demo.Logins, now);
        await SalesDataStamp.BumpAsync(db, ct);
        var interactions = await InsertAsync(DemoMentoringWriter.Interactions(demo, now), "interactions", null, progress, ct);
        var mentorships = await new DemoMentoringWriter(db, kpis, cipher).WriteProgramsAsync(demo, now, ct);
        progress?.Report(new DemoProgress("mentorships", mentorships, mentorships));
        audit.Record(actor, "demo.create", "organization", null,
            $"size={request.Size} seed={request.Seed} asOf={asOf:yyyy-MM-dd} people={people} opportunities={opportunities} mentorships={mentorships}");
        await db.SaveChangesAsync(ct);
        return new SeedDemoResult(logins, people, opportunities, activities, quotas, mentorships, interactions);
    }

    /// <summary>True when the database holds the demo organization's sign-ins.</summary>
    public static Task<bool> IsDemoAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.AnyAsync(u => u.Email == DemoSignIns.Default.Admin, ct);
    }

    /// <summary>Writes in batches, each through a fresh context, so memory stays flat for the large demo.</summary>
    private async Task<int> InsertAsync<T>(IEnumerable<T> rows, string stage, long? expected, IProgress<DemoProgress>? progress, CancellationToken ct) where T : class
    {
        var count = 0;
        foreach (var chunk in rows.Chunk(Batch))
        {
            await using var scope = scopes.CreateAsyncScope();
            var batchDb = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
            batchDb.ChangeTracker.AutoDetectChangesEnabled = false;
            batchDb.Set<T>().AddRange(chunk);
            await batchDb.SaveChangesAsync(ct);
            count += chunk.Length;
            progress?.Report(new DemoProgress(stage, count, expected));
        }

        return count;
    }

    private async Task<DemoSignIns> CreateAccountsAsync(DemoLogins logins, DateTime now)
    {
        foreach (var login in new[] { logins.Admin, logins.Manager, logins.Star, logins.Mentee })
        {
            var user = new AppUser { UserName = login.Email, Email = login.Email, EmailConfirmed = true, PersonId = login.PersonId, CreatedAt = now };
            var created = await users.CreateAsync(user, DemoSignIns.Password);
            if (!created.Succeeded) throw new InvalidOperationException("Could not create a demo account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            if (login == logins.Admin) await users.AddToRoleAsync(user, Roles.Admin);
        }

        return new DemoSignIns(logins.Admin.Email, logins.Manager.Email, logins.Star.Email, logins.Mentee.Email);
    }
}
