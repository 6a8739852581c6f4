using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Settings;

public sealed record OrganizationSettingsView(
    string Name, string TimeZone, int FiscalYearStartMonth, string CorporateCurrency, SalesDataVisibility SalesDataVisibility, int Version);

/// <summary>Everyone signed in may read the settings (they shape what the numbers mean).</summary>
public sealed class GetOrganizationSettings(SalesMentorDb db)
{
    public async Task<Result<OrganizationSettingsView>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var s = await db.OrganizationSettings.AsNoTracking().SingleAsync(ct);
        return new OrganizationSettingsView(s.Name, s.TimeZone, s.FiscalYearStartMonth, s.CorporateCurrency, s.SalesDataVisibility, s.Version);
    }
}

public sealed record UpdateOrganizationSettingsRequest(
    string Name, string TimeZone, int FiscalYearStartMonth, string CorporateCurrency, SalesDataVisibility SalesDataVisibility, int Version);

/// <summary>Admins change the organization's settings; a stale edit is refused.</summary>
public sealed class UpdateOrganizationSettings(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<OrganizationSettingsView>> HandleAsync(Actor actor, UpdateOrganizationSettingsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("settings.admin_only", "Only an admin can change the organization settings.");
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) return Error.Validation("settings.name", "Give the organization a name of 1 to 200 characters.");
        // Control characters and broken Unicode: PostgreSQL refuses NUL in text (a 500), and a lone surrogate cannot be stored as UTF-8.
        if (name.Any(char.IsControl) || !Core.Text.TextFold.IsWellFormed(name)) return Error.Validation("settings.name", "The organization's name contains control characters or broken Unicode.");
        if (TimeZones.Find(request.TimeZone) is null) return Error.Validation("settings.time_zone", $"'{request.TimeZone}' is not a known time zone; use an IANA id such as 'Europe/Berlin' or 'America/New_York'.");
        if (request.FiscalYearStartMonth is < 1 or > 12) return Error.Validation("settings.fiscal_year_start_month", "The fiscal year starts in a month from 1 (January) to 12 (December).");
        var currency = request.CorporateCurrency?.Trim().ToUpperInvariant() ?? "";
        if (!Currencies.IsWellFormed(currency)) return Error.Validation("settings.currency", "The corporate currency is a three-letter ISO 4217 code, such as USD or EUR.");
        if (!Enum.IsDefined(request.SalesDataVisibility)) return Error.Validation("settings.visibility", "Choose who may see sales data.");

        var settings = await db.OrganizationSettings.SingleAsync(ct);
        db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version;
        settings.Name = name;
        settings.TimeZone = request.TimeZone.Trim();
        settings.FiscalYearStartMonth = request.FiscalYearStartMonth;
        settings.CorporateCurrency = currency;
        settings.SalesDataVisibility = request.SalesDataVisibility;
        audit.Record(actor, "settings.update", "organization", null, $"visibility={request.SalesDataVisibility}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("settings");
        }

        return new OrganizationSettingsView(settings.Name, settings.TimeZone, settings.FiscalYearStartMonth, settings.CorporateCurrency, settings.SalesDataVisibility, settings.Version);
    }
}
