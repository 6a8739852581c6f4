using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Kpis;

/// <summary>
/// Everything the cached KPIs depend on. The records are represented by the organization's <c>SalesDataVersion</c>,
/// which every import and roster change raises in the same transaction; the settings that shape the numbers (time
/// zone, fiscal year, currency, star rule), a fingerprint of the exchange-rate table (small, and read whole) and
/// today's date are part of the key, so changing them needs no stamp. A read whose key differs from the cached one
/// recomputes.
/// </summary>
public sealed record KpiCacheKey(
    long SalesDataVersion, string TimeZone, int FiscalYearStartMonth, string Currency, long ExchangeRates, DateOnly Today, StarRule StarRule)
{
    /// <summary>The same records and settings, perhaps under another star rule: the KPIs can be reused.</summary>
    public bool SameDataAs(KpiCacheKey other) => other is not null && this with { StarRule = other.StarRule } == other;

    /// <summary>Three small reads: the organization's settings row, the exchange rates and the star rule row.</summary>
    internal static async Task<KpiCacheKey> ReadAsync(SalesMentorDb db, TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.OrganizationSettings.AsNoTracking()
            .Select(s => new { s.SalesDataVersion, s.TimeZone, s.FiscalYearStartMonth, s.CorporateCurrency })
            .SingleAsync(ct);
        var rates = await db.ExchangeRates.AsNoTracking().Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(ct);
        var fingerprint = Fingerprint(rates.Select(r => FormattableString.Invariant($"{r.Currency}|{r.ValidFrom:yyyy-MM-dd}|{r.Rate}")));
        var rule = StarRules.FromSettings(await db.StarRuleSettings.AsNoTracking().SingleOrDefaultAsync(ct));
        return new KpiCacheKey(settings.SalesDataVersion, settings.TimeZone, settings.FiscalYearStartMonth,
            settings.CorporateCurrency.Trim().ToUpperInvariant(), fingerprint, default, rule).AsOf(clock);
    }

    /// <summary>The same key on today's date in the organization's time zone.</summary>
    internal KpiCacheKey AsOf(TimeProvider clock)
    {
        var zone = TimeZones.Find(TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        return today == Today ? this : this with { Today = today };
    }

    /// <summary>64-bit FNV-1a over the rows in ordinal order: the same rates give the same number in any process.</summary>
    private static long Fingerprint(IEnumerable<string> rows)
    {
        var hash = 14695981039346656037UL;
        foreach (var row in rows.Order(StringComparer.Ordinal))
        {
            foreach (var c in row + "\n")
            {
                hash = unchecked((hash ^ c) * 1099511628211UL);
            }
        }

        return unchecked((long)hash);
    }
}
