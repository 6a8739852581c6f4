using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ExchangeRates;

/// <summary>Changes a rate; an edit made against an older version is refused (someone else changed it first).</summary>
public sealed class UpdateExchangeRate(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<ExchangeRateView>> HandleAsync(Actor actor, Guid id, ExchangeRateRequest request, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ListExchangeRates.AdminOnly;
        var stored = await db.ExchangeRates.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (stored is null) return Error.NotFound("exchange_rate");
        var input = await ExchangeRateInput.CheckAsync(db, request, ct);
        if (!input.IsSuccess) return input.Error!;
        var (currency, rate) = input.Value;
        if (stored.Version != request.Version) return Error.StaleEdit("exchange rate");
        if (await ExchangeRateInput.TakenAsync(db, currency, request.ValidFrom, id, ct)) return ExchangeRateInput.Taken(currency, request.ValidFrom);
        db.Entry(stored).Property(r => r.Version).OriginalValue = request.Version;
        (stored.Currency, stored.ValidFrom, stored.Rate) = (currency, request.ValidFrom, rate);
        audit.Record(actor, "exchange_rate.update", "exchange_rate", id.ToString(), currency);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("exchange rate");
        }
        catch (DbUpdateException)
        {
            return ExchangeRateInput.Taken(currency, request.ValidFrom);
        }

        await SalesDataStamp.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return ExchangeRateView.From(stored);
    }
}
