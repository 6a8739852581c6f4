using System.Globalization;
using SalesMentor.App.Features.Sessions;

namespace SalesMentor.Web.Components.Pages.Mentorships;

/// <summary>The when-and-where fields of a session form; the time is read as UTC (the form says so).</summary>
public sealed class SessionWhen
{
    /// <summary>The day, yyyy-MM-dd (a date input).</summary>
    public string? Day { get; set; }

    /// <summary>The time of day, HH:mm, UTC.</summary>
    public string? Time { get; set; }

    public int DurationMinutes { get; set; } = 45;

    public string? Place { get; set; }

    public string? VideoLink { get; set; }

    /// <summary>Empty fields with a 45-minute length.</summary>
    public static SessionWhen Next() => new();

    public static SessionWhen From(SessionView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SessionWhen
        {
            Day = s.StartsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Time = s.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture), DurationMinutes = s.DurationMinutes, Place = s.Place, VideoLink = s.VideoLink,
        };
    }

    /// <summary>The request, or the message to show when the time cannot be read.</summary>
    public (SessionRequest? Request, string? Problem) ToRequest(int version)
    {
        if (!DateOnly.TryParseExact(Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(Time?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (null, "Give the date and the time (HH:mm, UTC) of the session.");
        }

        var start = day.ToDateTime(time, DateTimeKind.Utc);

        return (new SessionRequest(new DateTimeOffset(start, TimeSpan.Zero), DurationMinutes, Place, VideoLink, version), null);
    }
}
