using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.Core.Skills;

namespace SalesMentor.App.Data;

/// <summary>
/// The catalogs' defaults: the sales skills, observable behaviours and company values a new organization starts
/// with, and edits. Seeded once, when a catalog is empty; an admin's later edits and deletions are never undone.
/// </summary>
internal static class CatalogSeed
{
    /// <summary>(key, name, description); the first five keys are the ones KPI signals point at.</summary>
    public static readonly (string Key, string Name, string Description)[] Skills =
    [
        (SkillIds.Prospecting, "Prospecting", "Finding and opening new opportunities."),
        (SkillIds.Qualifying, "Qualifying and discovery", "Learning the customer's need, budget and decision process early; letting poor opportunities go."),
        ("presenting", "Presenting", "Showing the offer in the customer's terms."),
        ("objection-handling", "Handling objections", "Hearing the concern behind an objection and answering it."),
        (SkillIds.Negotiating, "Negotiating", "Trading terms on value rather than on price."),
        (SkillIds.Closing, "Closing", "Asking for the decision and turning qualified opportunities into won deals."),
        ("account-growth", "Account growth", "Growing existing customers: renewals, cross-sell, upsell."),
        (SkillIds.TimeManagement, "Pipeline and time management", "Planning the week and keeping enough pipeline and activity."),
        ("product-knowledge", "Product knowledge", "Knowing the product and the market well enough to advise."),
        ("relationship-building", "Relationship building", "Earning trust with customers and colleagues over time."),
    ];

    public static readonly (string Name, string[] Skills, CrmSignal Signal)[] Behaviours =
    [
        ("Sets an agenda and agreed outcome at the start of every customer meeting", ["presenting", SkillIds.Closing], CrmSignal.None),
        ("Blocks daily prospecting time", [SkillIds.Prospecting, SkillIds.TimeManagement], CrmSignal.PipelineCreatedPerMonth),
        ("Qualifies budget and decision process before proposing", [SkillIds.Qualifying], CrmSignal.None),
        ("Debriefs every lost deal", [SkillIds.Qualifying, SkillIds.Closing], CrmSignal.None),
        ("Follows up on every open opportunity at least every two weeks", [SkillIds.TimeManagement, "relationship-building"], CrmSignal.OpenOpportunitiesTouchedLast14Days),
        ("Keeps several touches going on each open opportunity", [SkillIds.TimeManagement, SkillIds.Closing], CrmSignal.ActivitiesPerOpenOpportunity),
    ];

    public static readonly (string Name, string Description)[] Values =
    [
        ("Integrity", "We tell customers and each other the truth, including when it costs a deal."),
        ("Customer first", "We sell what helps the customer succeed."),
        ("Ownership", "We do what we said we would, and own the outcome."),
        ("Teamwork", "We share what works and help colleagues win."),
        ("Continuous learning", "We ask for feedback and keep improving our craft."),
    ];

    /// <summary>
    /// Adds the defaults on the first start, when all three catalogs are empty, in one save: if another process seeds
    /// at the same moment, the unique skill keys refuse the second copy as a whole. Later starts change nothing, so an
    /// admin's edits and deletions (which archive) are never undone.
    /// </summary>
    public static async Task SeedAsync(SalesMentorDb db, CancellationToken ct)
    {
        if (await db.Skills.AnyAsync(ct) || await db.Behaviours.AnyAsync(ct) || await db.CompanyValues.AnyAsync(ct)) return;
        db.Skills.AddRange(Skills.Select((s, i) => new Skill { Key = s.Key, Name = s.Name, Description = s.Description, SortOrder = i }));
        db.Behaviours.AddRange(Behaviours.Select((b, i) => new Behaviour { Name = b.Name, SkillKeys = [.. b.Skills], Signal = b.Signal, SortOrder = i }));
        db.CompanyValues.AddRange(Values.Select((v, i) => new CompanyValue { Name = v.Name, Description = v.Description, SortOrder = i }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process seeded first.
            db.ChangeTracker.Clear();
        }
    }
}
