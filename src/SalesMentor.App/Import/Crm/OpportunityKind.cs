using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>Deals, keyed by (source, external id); owners matched to people, and listed when they match nobody.</summary>
internal sealed class OpportunityKind(StageBook? stages = null) : SalesKind<OpportunityRecord, Opportunity>
{
    /// <summary>How the format's owner column names people; set when the format is chosen.</summary>
    public OwnerMatch OwnerMatch { get; set; } = OwnerMatch.Any;

    private readonly OwnerTally _unknown = new();
    private OwnerDirectory? _owners;

    public override string What => "opportunities";
    public override string KeyField => "external id";

    public override async Task LoadAsync(SalesMentorDb db, string source, KeyedIndex index, CancellationToken ct)
    {
        _owners = await OwnerDirectory.LoadAsync(db, ct);
        var stored = db.Opportunities.AsNoTracking().Where(o => o.Source == source).AsAsyncEnumerable();
        await foreach (var o in stored.WithCancellation(ct)) index.AddStored(o.ExternalId, o.Id, o.Version, OpportunityRecord.From(o).Fingerprint());
    }

    public override string? KeyOf(OpportunityRecord record) => record.ExternalId;

    public override string Duplicate(OpportunityRecord record, int firstLine) =>
        $"The deal '{CellText.Short(record.ExternalId!)}' is already on line {firstLine}; each deal may appear only once in a file.";

    public override UInt128 Print(OpportunityRecord record) => record.Fingerprint();

    public override void Accept(OpportunityRecord record)
    {
        if (record.OwnerRef is { } owner && _owners!.Find(owner, OwnerMatch, out var why) is null) _unknown.Add(owner, why ?? "");
    }

    public override Opportunity ToEntity(OpportunityRecord record, string source, Guid id, int version, DateTime now) =>
        record.ToEntity(id, source, Owner(record), version, now);

    public override ImportReport Report()
    {
        var (listed, more) = _unknown.List();
        return new ImportReport { UnknownOwners = listed, MoreUnknownOwners = more, UnlinkedRows = _unknown.Rows, Stages = stages?.Seen.Take(ImportReport.MaxListed).ToList() ?? [] };
    }

    private Core.People.PersonId? Owner(OpportunityRecord record) => record.OwnerRef is { } owner ? _owners!.Find(owner, OwnerMatch, out _) : null;
}
