using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>Who a demo person is meant to be; drives their title, tenure and numbers.</summary>
public enum DemoPersona
{
    /// <summary>The sales VP at the top of the hierarchy.</summary>
    Leader,

    /// <summary>A sales manager leading one team.</summary>
    Manager,

    /// <summary>A rep who clearly outperforms: top win rate, bigger deals, shorter cycles.</summary>
    Star,

    /// <summary>A rep with solid, ordinary numbers; most reps.</summary>
    Steady,

    /// <summary>A rep with a low win rate, fewer and smaller deals and fewer activities.</summary>
    Struggler,

    /// <summary>A rep hired within the 6 months before AsOf, still ramping up.</summary>
    NewHire,

    /// <summary>A rep who left within the data window; nothing of theirs is dated after they left.</summary>
    Leaver,

    /// <summary>The sales enablement lead: the program admin, reporting to the VP.</summary>
    Enablement,
}

/// <summary>The job titles used in the demo.</summary>
public static class DemoTitles
{
    /// <summary>The head of sales.</summary>
    public const string VpOfSales = "VP of Sales";

    /// <summary>A first-line sales manager.</summary>
    public const string SalesManager = "Sales Manager";

    /// <summary>A closing rep.</summary>
    public const string AccountExecutive = "Account Executive";

    /// <summary>An experienced closing rep with larger deals.</summary>
    public const string SeniorAccountExecutive = "Senior Account Executive";

    /// <summary>A junior rep with smaller deals.</summary>
    public const string SalesDevelopmentRep = "Sales Development Rep";

    /// <summary>The program admin.</summary>
    public const string SalesEnablementLead = "Sales Enablement Lead";
}

/// <summary>One person of the demo organization, as a roster import would describe them.</summary>
/// <param name="Id">Deterministic id, derived from the seed and the person's position in the roster.</param>
/// <param name="ExternalId">HR id, "E0001" upwards in roster order.</param>
/// <param name="Name">Generated full name ("first last"), may contain non-ASCII letters.</param>
/// <param name="Email">Unique, lowercase ASCII address; the four demo sign-ins have role addresses.</param>
/// <param name="Title">One of <see cref="DemoTitles"/>.</param>
/// <param name="Team">Team name; null for the VP and the enablement lead.</param>
/// <param name="Region">Region name, one of <see cref="DemoOrganization.Regions"/>.</param>
/// <param name="ManagerId">The person they report to; null only for the VP.</param>
/// <param name="HireDate">First working day; no data of theirs is dated before it.</param>
/// <param name="LeftOn">Last working day (inclusive) for leavers, else null; no data of theirs is dated after it.</param>
/// <param name="TimeZone">IANA time zone id, their region's.</param>
/// <param name="CrmOwnerIds">Their user ids in the CRM (one 18-character Salesforce-style "005…" id). The generator's
/// list compares by its elements, so generated people compare by value.</param>
/// <param name="Persona">What they are meant to be; not something a real roster would carry.</param>
public sealed record DemoPerson(
    PersonId Id,
    string ExternalId,
    string Name,
    string Email,
    string Title,
    string? Team,
    string Region,
    PersonId? ManagerId,
    DateOnly HireDate,
    DateOnly? LeftOn,
    string TimeZone,
    IReadOnlyList<string> CrmOwnerIds,
    DemoPersona Persona)
{
    /// <summary>True for individual contributors who own sales data (stars, steady, strugglers, new hires, leavers).</summary>
    public bool IsRep => Persona is DemoPersona.Star or DemoPersona.Steady or DemoPersona.Struggler
        or DemoPersona.NewHire or DemoPersona.Leaver;
}
