using System.Globalization;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;

namespace SalesMentor.Web.Components.Pages.Mentorships;

/// <summary>Words and dates the mentorship pages share.</summary>
public static class MentorshipFormat
{
    public static string Stage(MentorshipStage stage) => stage switch
    {
        MentorshipStage.Agreeing => "agreeing",
        MentorshipStage.Active => "active",
        MentorshipStage.Closing => "closing",
        _ => "closed",
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC time as "yyyy-MM-dd HH:mm UTC".</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Level(AdoptionLevel level) => level switch
    {
        AdoptionLevel.NotYet => "not yet",
        AdoptionLevel.Trying => "trying",
        AdoptionLevel.Practising => "practising",
        AdoptionLevel.Consistent => "consistent",
        _ => "habit",
    };

    public static string Status(SessionStatus status) => status.ToString().ToLowerInvariant();

    public static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "no data";

    /// <summary>The severity of a failed save: a stale edit is a warning with a reload, anything else an error.</summary>
    public static MudBlazor.Severity SeverityOf(global::SalesMentor.App.Common.Error error) =>
        error.Code == "concurrency.conflict" ? MudBlazor.Severity.Warning : MudBlazor.Severity.Error;
}
