using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>Quotas, keyed by (person, period start): a file's row replaces the stored quota of that person and start.</summary>
internal sealed class QuotaKind : SalesKind<QuotaRecord, Quota>
{
    private OwnerDirectory? _people;

    public override string What => "quotas";
    public override string KeyField => "person";

    public override async Task LoadAsync(SalesMentorDb db, string source, KeyedIndex index, CancellationToken ct)
    {
        _people = await OwnerDirectory.LoadAsync(db, ct);
        await foreach (var q in db.Quotas.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            index.AddStored(Key(q.PersonId, q.PeriodStart), q.Id, q.Version, Fingerprint(q.PeriodEnd, q.Amount, q.Currency));
        }
    }

    public override void Check(QuotaRecord record, RowReader row)
    {
        if (record.PersonRef is not { } reference) return;
        record.Person = _people!.Find(reference, record.Match, out var why);
        if (record.Person is null) row.Problem(FieldColumn(KeyField), $"No person matches '{CellText.Short(reference)}': {why}.");
    }

    public override string? KeyOf(QuotaRecord record) => record.Person is { } p && record.Start is { } s ? Key(p, s) : null;

    public override string Duplicate(QuotaRecord record, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"The quota of '{CellText.Short(record.PersonRef!)}' for the period starting {record.Start:yyyy-MM-dd} is already on line {firstLine}; each person and period may appear only once.");

    public override UInt128 Print(QuotaRecord record) => Fingerprint(record.End!.Value, record.Amount!.Value, record.Currency);

    public override Quota ToEntity(QuotaRecord record, string source, Guid id, int version, DateTime now) => new()
    {
        Id = id, PersonId = record.Person!.Value, PeriodStart = record.Start!.Value, PeriodEnd = record.End!.Value,
        Amount = record.Amount!.Value, Currency = record.Currency, Version = version,
    };

    public override Task FinishAsync(SalesMentorDb db, CancellationToken ct) => Task.CompletedTask;

    private static string Key(Core.People.PersonId person, DateOnly start) => person.Value.ToString("N") + "|" + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static UInt128 Fingerprint(DateOnly end, decimal amount, string currency) => Crm.Fingerprint.Start().Add(end).Add(amount).Add(currency).Value;
}
