using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;

namespace SalesMentor.App.Common;

/// <summary>The organization's sales-data version: raised after any change KPIs depend on.</summary>
public static class SalesDataStamp
{
    /// <summary>
    /// Raises <c>SalesDataVersion</c> by one in a single atomic statement, inside the caller's
    /// transaction when there is one, so the change and the signal commit together.
    /// </summary>
    public static Task<int> BumpAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OrganizationSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.SalesDataVersion, o => o.SalesDataVersion + 1), ct);
    }

    public static Task<long> CurrentAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OrganizationSettings.AsNoTracking().Select(o => o.SalesDataVersion).SingleAsync(ct);
    }
}
