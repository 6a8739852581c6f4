using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>Exchange rates, keyed by (currency, valid from): a file's row replaces the stored rate of that currency and day.</summary>
internal sealed class RateKind : SalesKind<RateRecord, ExchangeRate>
{
    public override string What => "exchange rates";
    public override string KeyField => "currency";

    public override async Task LoadAsync(SalesMentorDb db, string source, KeyedIndex index, CancellationToken ct)
    {
        await foreach (var r in db.ExchangeRates.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            index.AddStored(Key(r.Currency, r.ValidFrom), r.Id, r.Version, Crm.Fingerprint.Start().Add(r.Rate).Value);
        }
    }

    public override string? KeyOf(RateRecord record) => record.Currency is { } c && record.ValidFrom is { } d ? Key(c, d) : null;

    public override string Duplicate(RateRecord record, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"The rate of {record.Currency} from {record.ValidFrom:yyyy-MM-dd} is already on line {firstLine}; each currency and day may appear only once.");

    public override UInt128 Print(RateRecord record) => Crm.Fingerprint.Start().Add(record.Rate).Value;

    public override ExchangeRate ToEntity(RateRecord record, string source, Guid id, int version, DateTime now) => new()
    {
        Id = id, Currency = record.Currency!, ValidFrom = record.ValidFrom!.Value, Rate = record.Rate!.Value, Version = version,
    };

    public override Task FinishAsync(SalesMentorDb db, CancellationToken ct) => Task.CompletedTask;

    private static string Key(string currency, DateOnly from) => currency + "|" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
