using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Agreements;

/// <summary>A KPI goal with its KPI's name; the baseline as captured and frozen.</summary>
public sealed record KpiGoalView(Guid Id, string Kpi, string KpiName, decimal? Baseline, string BaselineFrom, string BaselineTo, int BaselineMonths, decimal Target, DateOnly TargetDate);

public sealed record BehaviourGoalView(Guid Id, Guid BehaviourId, string Behaviour, AdoptionLevel Level);

public sealed record ValueRef(Guid Id, string Name);

/// <summary>One fully signed revision, as kept.</summary>
public sealed record AgreementRevisionView(int Revision, DateTime MentorSignedAt, DateTime MenteeSignedAt);

/// <summary>
/// The agreement as the pair, the mentee's supervisor chain and the program's managers see it. Before anyone saved
/// one, a draft with the default terms and <see cref="Version"/> 0. What the caller may do is spelled out.
/// </summary>
public sealed record AgreementView(
    Guid MentorshipId, MentorshipStage Stage, IReadOnlyList<KpiGoalView> KpiGoals, IReadOnlyList<BehaviourGoalView> BehaviourGoals,
    IReadOnlyList<ValueRef> Values, MeetingCadence Cadence, string Terms, int Revision, DateTime? MentorSignedAt, DateTime? MenteeSignedAt,
    bool BothSigned, DateTime? AcknowledgedAt, PersonRef? AcknowledgedBy, IReadOnlyList<AgreementRevisionView> History,
    bool CanEdit, bool CanSign, bool CanAcknowledge, int Version);

/// <param name="Id">The goal's id when changing a goal already saved (its baseline stays frozen); null for a new goal.</param>
/// <param name="Kpi">A KPI id from the catalog (GET /api/kpis), e.g. won-revenue.</param>
/// <param name="BaselineMonths">Whole months before today the baseline averages (1–12, default 3); only for a new goal.</param>
public sealed record KpiGoalInput(Guid? Id, string? Kpi, decimal Target, DateOnly TargetDate, int? BaselineMonths = null);

public sealed record BehaviourGoalInput(Guid? Id, Guid BehaviourId, AdoptionLevel Level);

/// <summary>The whole agreement; send the version you read (0 for the first save).</summary>
public sealed record AgreementRequest(
    IReadOnlyList<KpiGoalInput>? KpiGoals, IReadOnlyList<BehaviourGoalInput>? BehaviourGoals, IReadOnlyList<Guid>? ValueIds,
    MeetingCadence Cadence, string? Terms, int Version);

public sealed record AgreementVersionRequest(int Version);
