using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>A sales region.</summary>
/// <param name="Name">"North America", "EMEA" or "APAC".</param>
/// <param name="Code">Short code used in team names: "NA", "EMEA", "APAC".</param>
/// <param name="TimeZone">IANA time zone id of everyone in the region.</param>
public sealed record DemoRegion(string Name, string Code, string TimeZone);

/// <summary>A team: one manager and their reps.</summary>
/// <param name="Name">Unique name, e.g. "EMEA Mid-Market" or "APAC SMB 3".</param>
/// <param name="Region">Region name.</param>
/// <param name="Segment">Customer segment: "Enterprise", "Mid-Market", "Commercial" or "SMB"; bigger segments sell bigger deals.</param>
/// <param name="ManagerId">The team's manager.</param>
public sealed record DemoTeam(string Name, string Region, string Segment, PersonId ManagerId);

/// <summary>A rep's quota for one calendar quarter.</summary>
/// <param name="PersonId">The rep.</param>
/// <param name="PeriodStart">First day of the quarter, inclusive.</param>
/// <param name="PeriodEnd">First day of the next quarter, exclusive: the period is [PeriodStart, PeriodEnd).</param>
/// <param name="Amount">Won revenue expected in the period, in <paramref name="Currency"/>, whole hundreds, &gt; 0.
/// Prorated by the days the rep was employed and inside the data window; a quarter in progress at AsOf has its full quota.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record DemoQuota(PersonId PersonId, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Amount, string Currency);

/// <summary>One demo sign-in: a person and the fixed role address they sign in with.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Email">Their email, e.g. "admin@demo.example"; also the person's <see cref="DemoPerson.Email"/>.</param>
public sealed record DemoLogin(PersonId PersonId, string Email);

/// <summary>
/// The four demo sign-ins, chosen so that every side of a mentorship can be tried out at once.
/// </summary>
/// <param name="Admin">The sales enablement lead (program admin).</param>
/// <param name="Manager">A manager whose team has at least one star and one struggler.</param>
/// <param name="Star">A star rep outside that manager's team, so they can mentor its reps.</param>
/// <param name="Mentee">A struggler (else steady) rep in that manager's team.</param>
public sealed record DemoLogins(DemoLogin Admin, DemoLogin Manager, DemoLogin Star, DemoLogin Mentee);
