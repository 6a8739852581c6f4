using SalesMentor.App.Domain;
using SalesMentor.App.Features.Matching;

namespace SalesMentor.Web.Components.Pages.Programs;

/// <summary>How the program pages write dates, modes, sides and answers.</summary>
public static class ProgramFormat
{
    public static string Dates(DateOnly? starts, DateOnly? ends) => (starts, ends) switch
    {
        (null, null) => "—",
        _ => $"{starts?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} – {ends?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}",
    };

    public static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    public static DateTime? Date(DateOnly? value) => value?.ToDateTime(TimeOnly.MinValue);

    /// <summary>"best total fit", "fairest" or "stable" for a mode as stored or typed.</summary>
    public static string Mode(string? mode) => MatchModes.TryParse(mode, out var m) ? MatchModes.Describe(m) : mode ?? "";

    public static string Side(EnrollmentSide side) => side == EnrollmentSide.Mentor ? "mentor" : "mentee";

    public static string Answer(ProposalResponse response) => response switch
    {
        ProposalResponse.Accepted => "accepted",
        ProposalResponse.Declined => "declined",
        _ => "not answered yet",
    };
}
