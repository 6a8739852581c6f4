using System.Text.Json.Serialization;
namespace SalesMentor.App.Domain;

/// <summary>Who may see opportunities, KPIs, leaderboards and star status (DESIGN.md access table).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SalesDataVisibility>))]
public enum SalesDataVisibility
{
    /// <summary>Everyone signed in sees everyone's sales data (the default).</summary>
    Everyone,

    /// <summary>Each person sees their own, their management chain sees their reports', admins see all.</summary>
    OwnAndManagementChain,
}

/// <summary>The single row of organization-wide settings.</summary>
public sealed class OrganizationSettings : IVersioned
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;
    public string Name { get; set; } = "My sales organization";

    /// <summary>IANA time zone in which periods (months, quarters) are cut.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>1–12; 1 means the fiscal year is the calendar year.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>ISO 4217 code in which KPIs are reported.</summary>
    public string CorporateCurrency { get; set; } = "USD";
    public SalesDataVisibility SalesDataVisibility { get; set; } = SalesDataVisibility.Everyone;

    /// <summary>
    /// Raised by one (atomically, not through <see cref="Version"/>) whenever opportunities,
    /// activities, quotas, exchange rates or the roster change, so every app instance knows its
    /// cached KPIs are stale.
    /// </summary>
    public long SalesDataVersion { get; set; }

    /// <summary>Target share of a manager's time as supervisor, in percent; the four targets sum to 100.</summary>
    public int TargetSupervisorPercent { get; set; } = 30;

    /// <summary>Target share of a manager's time as coach, in percent.</summary>
    public int TargetCoachPercent { get; set; } = 40;

    /// <summary>Target share of a manager's time as trainer, in percent.</summary>
    public int TargetTrainerPercent { get; set; } = 15;

    /// <summary>Target share of a manager's time as mentor, in percent.</summary>
    public int TargetMentorPercent { get; set; } = 15;
    public int Version { get; set; }
}
