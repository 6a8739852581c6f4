using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ExchangeRates;

/// <summary>Adds the rate of a currency from a day on; KPIs are recomputed with it.</summary>
public sealed class AddExchangeRate(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<ExchangeRateView>> HandleAsync(Actor actor, ExchangeRateRequest request, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return ListExchangeRates.AdminOnly;
        var input = await ExchangeRateInput.CheckAsync(db, request, ct);
        if (!input.IsSuccess) return input.Error!;
        var (currency, rate) = input.Value;
        if (await ExchangeRateInput.TakenAsync(db, currency, request.ValidFrom, null, ct)) return ExchangeRateInput.Taken(currency, request.ValidFrom);
        var stored = new ExchangeRate { Currency = currency, ValidFrom = request.ValidFrom, Rate = rate };
        db.ExchangeRates.Add(stored);
        audit.Record(actor, "exchange_rate.add", "exchange_rate", stored.Id.ToString(), currency);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            return ExchangeRateInput.Taken(currency, request.ValidFrom);
        }

        await SalesDataStamp.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return ExchangeRateView.From(stored);
    }
}
