using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.Core.People;

namespace SalesMentor.App.Import;

/// <summary>
/// Links imported deals and activities to people after any import that can change who is who
/// (roster, Salesforce users) or what is owned (deals, activities): rows that kept their owner
/// reference but matched no person get the person it names now, and activities whose related
/// deal has arrived get linked to it. Runs inside the import's transaction, reading only rows
/// that have no link yet (the owner index finds them), one update per distinct reference.
/// </summary>
internal static class OwnerRelink
{
    /// <summary>Returns how many rows were linked.</summary>
    public static async Task<int> RelinkAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var linked = 0;
        var opportunityRefs = await db.Opportunities.Where(o => o.OwnerId == null && o.OwnerRef != null).Select(o => o.OwnerRef!).Distinct().ToListAsync(ct);
        var activityRefs = await db.Activities.Where(a => a.OwnerId == null && a.OwnerRef != null).Select(a => a.OwnerRef!).Distinct().ToListAsync(ct);
        if (opportunityRefs.Count + activityRefs.Count > 0)
        {
            var directory = await OwnerDirectory.LoadAsync(db, ct);
            foreach (var reference in opportunityRefs)
            {
                if (directory.Find(reference, OwnerMatch.Any, out _) is not { } person) continue;
                PersonId? owner = person;
                linked += await db.Opportunities.Where(o => o.OwnerId == null && o.OwnerRef == reference).ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerId, owner), ct);
            }

            foreach (var reference in activityRefs)
            {
                if (directory.Find(reference, OwnerMatch.Any, out _) is not { } person) continue;
                PersonId? owner = person;
                linked += await db.Activities.Where(a => a.OwnerId == null && a.OwnerRef == reference).ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerId, owner), ct);
            }
        }

        return linked + await LinkActivitiesToDealsAsync(db, ct);
    }

    /// <summary>Activities that name a deal of their own source (Salesforce WhatId) get linked to it once it is imported.</summary>
    public static Task<int> LinkActivitiesToDealsAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Activities
            .Where(a => a.OpportunityId == null && a.OpportunityRef != null && db.Opportunities.Any(o => o.Source == a.Source && o.ExternalId == a.OpportunityRef))
            .ExecuteUpdateAsync(s => s.SetProperty(
                a => a.OpportunityId,
                a => db.Opportunities.Where(o => o.Source == a.Source && o.ExternalId == a.OpportunityRef).Select(o => (Guid?)o.Id).First()), ct);
    }
}
