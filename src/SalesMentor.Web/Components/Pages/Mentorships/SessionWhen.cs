using System.Globalization;
using SalesMentor.App.Features.Sessions;

namespace SalesMentor.Web.Components.Pages.Mentorships;

/// <summary>The when-and-where fields of a session form; the time is read as UTC (the form says so).</summary>
public sealed class SessionWhen
{
    private const string Format = "yyyy-MM-ddTHH:mm";

    public string? StartsAt { get; set; }

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
            StartsAt = s.StartsAt.ToString(Format, CultureInfo.InvariantCulture), DurationMinutes = s.DurationMinutes, Place = s.Place, VideoLink = s.VideoLink,
        };
    }

    /// <summary>The request, or the message to show when the time cannot be read.</summary>
    public (SessionRequest? Request, string? Problem) ToRequest(int version)
    {
        if (!DateTime.TryParseExact(StartsAt, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            return (null, "Give the date and time of the session.");
        }

        return (new SessionRequest(new DateTimeOffset(start, TimeSpan.Zero), DurationMinutes, Place, VideoLink, version), null);
    }
}
