using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>The opportunity stages of the demo CRM, as Salesforce names them.</summary>
public static class DemoStages
{
    /// <summary>Open, earliest stage (10 % probability).</summary>
    public const string Prospecting = "Prospecting";

    /// <summary>Open (20 %).</summary>
    public const string Qualification = "Qualification";

    /// <summary>Open (50 %).</summary>
    public const string Proposal = "Proposal";

    /// <summary>Open, latest stage (75 %).</summary>
    public const string Negotiation = "Negotiation";

    /// <summary>Closed and won.</summary>
    public const string ClosedWon = "Closed Won";

    /// <summary>Closed and lost.</summary>
    public const string ClosedLost = "Closed Lost";
}

/// <summary>One opportunity (deal), as a CRM export would describe it.</summary>
/// <param name="ExternalId">Unique 18-character Salesforce-style id ("006…").</param>
/// <param name="OwnerId">The rep who owns it.</param>
/// <param name="OwnerCrmId">The owner's CRM user id (one of <see cref="DemoPerson.CrmOwnerIds"/>).</param>
/// <param name="Account">Customer company name; reps sell to the same accounts again.</param>
/// <param name="Product">Product name from the demo catalog.</param>
/// <param name="Name">"Account - Product".</param>
/// <param name="Stage">One of <see cref="DemoStages"/>.</param>
/// <param name="Amount">Deal value in <paramref name="Currency"/>, 2 decimals, &gt; 0.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="CreatedOn">Day it was created; within the owner's employment and the data window, ≤ AsOf.</param>
/// <param name="CloseDate">Closed: the actual close day (≥ CreatedOn, ≤ AsOf and ≤ the owner's LeftOn).
/// Open: the expected close day, may be after AsOf, or null for some early-stage deals.</param>
/// <param name="IsClosed">True for Closed Won and Closed Lost.</param>
/// <param name="IsWon">True for Closed Won only; implies <paramref name="IsClosed"/>.</param>
/// <param name="Probability">Win probability in percent (0–100) by stage.</param>
/// <param name="LeadSource">Where it came from: "Inbound", "Outbound", "Partner", "Event" or "Referral".</param>
public sealed record DemoOpportunity(
    string ExternalId,
    PersonId OwnerId,
    string OwnerCrmId,
    string Account,
    string Product,
    string Name,
    string Stage,
    decimal Amount,
    string Currency,
    DateOnly CreatedOn,
    DateOnly? CloseDate,
    bool IsClosed,
    bool IsWon,
    int? Probability,
    string? LeadSource);

/// <summary>The kind of a logged activity.</summary>
public enum DemoActivityType
{
    /// <summary>A phone or video call.</summary>
    Call,

    /// <summary>An email sent to the customer.</summary>
    Email,

    /// <summary>A meeting (a Salesforce event).</summary>
    Meeting,

    /// <summary>A to-do; may be due after AsOf and then not completed.</summary>
    Task,
}

/// <summary>One logged activity, as a CRM export would describe it.</summary>
/// <param name="ExternalId">Unique 18-character Salesforce-style id ("00T…" for tasks, calls and emails, "00U…" for meetings).</param>
/// <param name="OwnerId">The rep who logged it.</param>
/// <param name="OwnerCrmId">The owner's CRM user id.</param>
/// <param name="Type">Call, email, meeting or task.</param>
/// <param name="Subject">Short free text.</param>
/// <param name="Date">Day it happened or is due. Within the owner's employment and ≤ AsOf, except
/// open "next step" tasks, which are due 1–14 days after AsOf and not completed.</param>
/// <param name="DurationMinutes">Length in minutes for calls and meetings; null otherwise.</param>
/// <param name="Completed">Whether it is done; future-dated tasks and some overdue tasks are not.</param>
/// <param name="OpportunityExternalId">The owner's opportunity it belongs to, or null for prospecting.</param>
public sealed record DemoActivity(
    string ExternalId,
    PersonId OwnerId,
    string OwnerCrmId,
    DemoActivityType Type,
    string Subject,
    DateOnly Date,
    int? DurationMinutes,
    bool Completed,
    string? OpportunityExternalId);
