using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Import.Crm;

/// <summary>The organization's settings an import reads by: its time zone, corporate currency, fiscal calendar and today.</summary>
internal sealed record OrgContext(TimeZoneInfo Zone, string CorporateCurrency, FiscalCalendar Calendar, DateOnly Today)
{
    public static async Task<OrgContext> LoadAsync(SalesMentorDb db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var settings = await db.OrganizationSettings.AsNoTracking().SingleAsync(ct);
        var zone = TimeZones.Find(settings.TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var month = settings.FiscalYearStartMonth is >= 1 and <= 12 ? settings.FiscalYearStartMonth : 1;
        return new OrgContext(zone, settings.CorporateCurrency, new FiscalCalendar(month), today);
    }
}
