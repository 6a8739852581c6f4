using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ExchangeRates;

/// <summary>Deletes a rate; with a version, only when nobody changed it since.</summary>
public sealed class DeleteExchangeRate(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<Done>> HandleAsync(Actor actor, Guid id, int? version, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ListExchangeRates.AdminOnly;
        var stored = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (stored is null) return Error.NotFound("exchange_rate");
        if (version is { } expected && stored.Version != expected) return Error.StaleEdit("exchange rate");
        db.ExchangeRates.Remove(stored);
        audit.Record(actor, "exchange_rate.delete", "exchange_rate", id.ToString(), stored.Currency);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("exchange rate");
        }

        await SalesDataStamp.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return Done.Value;
    }
}
