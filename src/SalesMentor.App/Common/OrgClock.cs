using SalesMentor.App.Data;

namespace SalesMentor.App.Common;

/// <summary>"Today" as the organization counts it: the date in its configured time zone.</summary>
public sealed class OrgClock(SalesMentorDb db, OrgSettingsCache settings, TimeProvider clock)
{
    public async Task<DateOnly> TodayAsync(CancellationToken ct)
    {
        var zoneId = (await settings.GetAsync(db, ct)).TimeZone ?? "UTC";
        var zone = TimeZones.Find(zoneId) ?? TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}

public static class TimeZones
{
    /// <summary>The IANA (or Windows) zone with this id, or null when there is none.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
