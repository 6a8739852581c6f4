using SalesMentor.App.Features.Kpis;
using SalesMentor.Core.Impact;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Impact;

/// <summary>Which impact to estimate: a program's mentees on one KPI (its id from docs/kpis.md, default win rate by count).</summary>
public sealed record ProgramImpactRequest(Guid ProgramId, string? Kpi = null);

/// <summary>The number with its 95 % interval, in the unit of <see cref="ProgramImpactView.Unit"/>.</summary>
public sealed record ImpactEffectView(double Effect, double Low, double High, double StandardError);

/// <summary>One mentor's value-added (admins only): their mentees' lift, raw and shrunk toward the program mean.</summary>
public sealed record MentorValueAddedRow(PersonId Mentor, string Name, int Mentees, double RawLift, double ShrunkLift, double Reliability);

/// <summary>
/// Did the program move the KPI, compared with similar reps who had no mentor? The verdict in plain words, the effect
/// and its interval only when the data can answer, the event study, the balance table and the people on each side.
/// Individual lifts are never part of it; <see cref="MentorValueAdded"/> is filled for admins only.
/// </summary>
/// <param name="Scope">"program" for the whole program, or "team" when a manager sees their own people only.</param>
/// <param name="Measure">What is compared, in words, e.g. "win rate (count), each month over the trailing 3 months".</param>
/// <param name="Unit">Unit of every number, e.g. "points" for a rate read in percentage points, or the currency.</param>
/// <param name="FirstMonth">First month of the data read.</param>
/// <param name="AdoptionOutcome">When estimated: do mentees whose adoption of behaviours with a CRM signal rose more also gain more? A correlation, not causation.</param>
/// <param name="LastMonth">Last whole month of the data read (the current, unfinished month is left out).</param>
public sealed record ProgramImpactView(
    Guid ProgramId,
    string ProgramName,
    string Scope,
    KpiDefinitionView Kpi,
    string Measure,
    string Unit,
    string FirstMonth,
    string LastMonth,
    string Status,
    string Reason,
    string Verdict,
    ImpactEffectView? Effect,
    IReadOnlyList<EventTimeEffect> EventStudy,
    IReadOnlyList<BalanceRow> Balance,
    PreTrendCheck? PreTrend,
    ImpactCounts Counts,
    int PrePeriods,
    int PostPeriods,
    IReadOnlyList<MentorValueAddedRow>? MentorValueAdded,
    AdoptionCorrelation? AdoptionOutcome = null);
