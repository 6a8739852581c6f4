using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ExchangeRates;

/// <summary>Every exchange rate, by currency and newest first. Admins only.</summary>
public sealed class ListExchangeRates(SalesMentorDb db)
{
    public static Error AdminOnly { get; } = Error.Forbidden("exchange_rate.admin_only", "Only an admin can see and change exchange rates.");

    public async Task<Result<ExchangeRateList>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!Access.CanAdminister(actor)) return AdminOnly;
        var corporate = await db.OrganizationSettings.AsNoTracking().Select(s => s.CorporateCurrency).SingleAsync(ct);
        var rates = await db.ExchangeRates.AsNoTracking().OrderBy(r => r.Currency).ThenByDescending(r => r.ValidFrom).ToListAsync(ct);
        return new ExchangeRateList(corporate, [.. rates.Select(ExchangeRateView.From)]);
    }
}
