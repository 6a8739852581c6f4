using SalesMentor.App.Domain;
using SalesMentor.Core.Matching.Scoring;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Programs;

/// <summary>A person named in a view: id and name.</summary>
public sealed record PersonRef(PersonId Id, string Name);

/// <summary>How much each factor counts in a pair's score, 0–10 each (see docs/matching.md).</summary>
public sealed record WeightsView(int Gaps, int Values, int Readiness, int Preferences, int Location, int Seniority)
{
    public static WeightsView Of(MentorshipProgram p) => new(p.WeightGaps, p.WeightValues, p.WeightReadiness, p.WeightPreferences, p.WeightLocation, p.WeightSeniority);

    public ScoreWeights ToCore() => new(Gaps, Values, Readiness, Preferences, Location, Seniority);
}

/// <summary>The matching rules of a program.</summary>
/// <param name="RequireProvenStar">Mentors must be proven stars, or have an override with a reason.</param>
/// <param name="ExcludeSupervisorChain">Never pair a mentee with someone in their supervisor chain (default on).</param>
/// <param name="ExcludeSameTeam">Never pair two people of the same team.</param>
/// <param name="ExcludePreviousPairs">Never pair two people who had a mentorship before.</param>
/// <param name="DefaultCapacity">A mentor's number of mentees unless they choose another (1–10).</param>
public sealed record ProgramRulesView(bool RequireProvenStar, bool ExcludeSupervisorChain, bool ExcludeSameTeam, bool ExcludePreviousPairs, int DefaultCapacity);

/// <summary>
/// A program as the actor sees it. <see cref="Mode"/>: BestTotalFit, Fairest or Stable. <see cref="CanManage"/>: the actor
/// is an admin or a coordinator. <see cref="MyMentorEnrollment"/> / <see cref="MyMenteeEnrollment"/>: the actor's own enrollments.
/// </summary>
public sealed record ProgramView(
    Guid Id, string Name, string? Goals, DateOnly? StartsOn, DateOnly? EndsOn, ProgramStatus Status, string Mode, int MinimumScore,
    WeightsView Weights, ProgramRulesView Rules, IReadOnlyList<PersonRef> Coordinators, int Mentors, int Mentees,
    bool CanManage, Guid? MyMentorEnrollment, Guid? MyMenteeEnrollment, int Version, string? DefaultTerms = null);

/// <summary>A program in a list.</summary>
public sealed record ProgramRow(Guid Id, string Name, ProgramStatus Status, DateOnly? StartsOn, DateOnly? EndsOn, int Mentors, int Mentees, bool CanManage);

/// <summary>
/// A program to create or change (send the <see cref="Version"/> read, or 409). <see cref="Mode"/>: BestTotalFit (best), Fairest
/// (fair) or Stable. <see cref="Coordinators"/>: only an admin may change them; null keeps them.
/// </summary>
public sealed record ProgramRequest(
    string? Name, string? Goals = null, DateOnly? StartsOn = null, DateOnly? EndsOn = null, string? Mode = null, int MinimumScore = 0,
    WeightsView? Weights = null, ProgramRulesView? Rules = null, IReadOnlyList<PersonId>? Coordinators = null, int Version = 0, string? DefaultTerms = null);

/// <summary>Moves a program to another status (send the version read).</summary>
public sealed record ProgramStatusRequest(ProgramStatus Status, int Version);
