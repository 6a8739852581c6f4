using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// Activities, keyed by (source, external id); owners matched like deals, and the related deal
/// (Salesforce WhatId) linked when it is one of the same source's deals — looked up in a table of
/// the source's deal ids loaded once, only when the file names related records.
/// </summary>
internal sealed class ActivityKind(OwnerMatch ownerMatch) : SalesKind<ActivityRecord, Activity>
{
    /// <summary>The file names related deals: their ids are looked up. Set when the format is chosen.</summary>
    public bool LinksDeals { get; set; }

    private readonly OwnerTally _unknown = new();
    private readonly Dictionary<string, Guid> _deals = new(StringComparer.Ordinal);
    private OwnerDirectory? _owners;

    public override string What => "activities";
    public override string KeyField => "external id";

    public override async Task LoadAsync(SalesMentorDb db, string source, KeyedIndex index, CancellationToken ct)
    {
        _owners = await OwnerDirectory.LoadAsync(db, ct);
        var stored = db.Activities.AsNoTracking().Where(a => a.Source == source).AsAsyncEnumerable();
        await foreach (var a in stored.WithCancellation(ct)) index.AddStored(a.ExternalId, a.Id, a.Version, ActivityRecord.From(a).Fingerprint());
        if (!LinksDeals) return;
        var deals = db.Opportunities.AsNoTracking().Where(o => o.Source == source).Select(o => new { o.ExternalId, o.Id }).AsAsyncEnumerable();
        await foreach (var deal in deals.WithCancellation(ct)) _deals[deal.ExternalId] = deal.Id;
    }

    public override string? KeyOf(ActivityRecord record) => record.ExternalId;

    public override string Duplicate(ActivityRecord record, int firstLine) =>
        $"The activity '{CellText.Short(record.ExternalId!)}' is already on line {firstLine}; each activity may appear only once in a file.";

    public override UInt128 Print(ActivityRecord record) => record.Fingerprint();

    public override void Accept(ActivityRecord record)
    {
        if (record.OwnerRef is { } owner && _owners!.Find(owner, ownerMatch, out var why) is null) _unknown.Add(owner, why ?? "");
    }

    public override Activity ToEntity(ActivityRecord record, string source, Guid id, int version, DateTime now)
    {
        var owner = record.OwnerRef is { } o ? _owners!.Find(o, ownerMatch, out _) : null;
        Guid? deal = record.OpportunityRef is { } r && _deals.TryGetValue(r, out var found) ? found : null;
        return record.ToEntity(id, source, owner, deal, version, now);
    }

    public override ImportReport Report()
    {
        var (listed, more) = _unknown.List();
        return new ImportReport { UnknownOwners = listed, MoreUnknownOwners = more, UnlinkedRows = _unknown.Rows };
    }
}
