using SalesMentor.App.Common;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import;

/// <summary>
/// The roster import engine: read the file (one forward pass), load the stored roster once,
/// plan every row, and — when asked — write the plan in one transaction. Use cases decide when to
/// write and record the run; this class knows nothing of actors or HTTP.
/// </summary>
internal sealed class RosterImporter(SalesMentorDb db)
{
    /// <summary>Reads and checks the file against the database (read without tracking; <see cref="WriteAsync"/> attaches what it changes).</summary>
    public async Task<RosterOutcome> PrepareAsync(Stream source, bool skipBadRows, long? maxBytes, IProgress<long>? progress, CancellationToken ct)
    {
        var file = await RosterFileReader.ReadAsync(source, maxBytes, progress, ct);
        if (!file.IsReadable) return new RosterOutcome(file, null, null, skipBadRows);

        var stored = await StoredRoster.LoadAsync(db, ct);
        var plan = new RosterPlanner(file, stored, skipBadRows).Plan();
        return new RosterOutcome(file, stored, plan, skipBadRows);
    }

    /// <summary>
    /// Writes the plan — with whatever else the caller added to the context (the run record, the
    /// audit event) — inside the caller's transaction (or one of its own). New people and CRM ids
    /// go in as bulk inserts, managers before their reports; changed people are attached and
    /// saved through EF, so their version is checked and raised.
    /// </summary>
    public async Task WriteAsync(RosterOutcome outcome, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Plan is not { } plan || outcome.Stored is not { } stored || outcome.File.Columns is not { } columns)
        {
            throw new InvalidOperationException("Only a readable, planned file can be written.");
        }

        var owned = db.Database.CurrentTransaction is null;
        await using var transaction = owned ? await db.Database.BeginTransactionAsync(ct) : null;

        // 1. Emails that move to someone else are freed first, so the unique index never sees one twice.
        if (plan.EmailsToRelease.Count > 0)
        {
            var ids = plan.EmailsToRelease.ToList();
            await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, (string?)null), ct);
        }

        // 2. New regions and teams (and the caller's records).
        db.Regions.AddRange(plan.NewRegions.Values);
        db.Teams.AddRange(plan.NewTeams.Values);
        await db.SaveChangesAsync(ct);

        // 3. New people, then every new CRM id.
        var added = ManagerOrder.Sort(plan.Accepted.Where(r => r.Target is null).ToList(), r => r.Id, r => r.ManagerId).Select(row =>
        {
            var person = new Person { Id = row.Id, Name = row.Name!, CreatedAt = now };
            RosterChanges.Apply(row, person, columns, now);
            return person;
        }).ToList();
        await BulkInsert.InsertAsync(db, added, ct);
        var links = columns.Has(RosterField.CrmOwnerIds) ? ChangeCrmLinks(plan, stored) : [];
        await BulkInsert.InsertAsync(db, links, ct);

        // 4. Changed people, through the change tracker.
        foreach (var row in plan.Changed)
        {
            var person = row.Target!;
            db.People.Attach(person);
            if (plan.EmailsToRelease.Contains(person.Id)) db.Entry(person).Property(p => p.Email).OriginalValue = null;
            RosterChanges.Apply(row, person, columns, now);
        }

        await db.SaveChangesAsync(ct);

        // 5. Deals and activities whose owner reference names someone new (or a new CRM id) get linked.
        await OwnerRelink.RelinkAsync(db, ct);
        await SalesDataStamp.BumpAsync(db, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    // The CRM ids of everyone in the file become exactly their row's; an id may move between them.
    // Moves and removals go through the change tracker; the new ids are returned for a bulk insert.
    private List<CrmOwnerLink> ChangeCrmLinks(RosterPlan plan, StoredRoster stored)
    {
        var owner = new Dictionary<string, Core.People.PersonId>(StringComparer.Ordinal);
        foreach (var row in plan.Accepted)
        {
            foreach (var id in row.CrmOwnerIds) owner[id] = row.Id;
        }

        var covered = plan.Accepted.Select(r => r.Id).ToHashSet();
        foreach (var (id, link) in stored.Links)
        {
            if (owner.TryGetValue(id, out var person))
            {
                if (link.PersonId == person) continue;
                db.CrmOwnerLinks.Attach(link);
                link.PersonId = person;
            }
            else if (covered.Contains(link.PersonId))
            {
                db.CrmOwnerLinks.Remove(link);
            }
        }

        return [.. owner.Where(o => !stored.Links.ContainsKey(o.Key)).Select(o => new CrmOwnerLink { OwnerId = o.Key, PersonId = o.Value })];
    }
}
