using SalesMentor.Core.Impact;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>
/// One interaction as the actor may see it. The rep sees role, date and topic (<see cref="Minutes"/> is null for them);
/// <see cref="PrivateNote"/> is filled only for its author.
/// </summary>
public sealed record InteractionView(
    Guid Id, PersonId ManagerId, string ManagerName, PersonId RepId, string RepName, DateOnly Date, ManagerRole Role,
    int? Minutes, string Topic, string? PrivateNote, bool IsMine, int Version);

/// <summary>What a manager logs: the rep, the role played, when, how long, about what, and an optional private note.</summary>
/// <param name="Manager">The manager who played the role; null means the actor. Only admins name someone else.</param>
public sealed record LogInteractionRequest(
    PersonId Rep, DateOnly Date, ManagerRole Role, int Minutes, string Topic, string? PrivateNote, PersonId? Manager = null);

/// <summary>An edit by the author, against the version they read.</summary>
public sealed record EditInteractionRequest(DateOnly Date, ManagerRole Role, int Minutes, string Topic, string? PrivateNote, int Version);

/// <summary>The admin's target mix in percent (sums to 100), with the organization settings' version.</summary>
public sealed record RoleTargetMixView(int Supervisor, int Coach, int Trainer, int Mentor, int Version)
{
    /// <summary>Shares 0–1 indexed by <see cref="ManagerRole"/>, as <see cref="ComputeRoleBalance"/> wants them.</summary>
    public IReadOnlyList<double> ToShares() => [Supervisor / 100d, Coach / 100d, Trainer / 100d, Mentor / 100d];
}

/// <summary>Minutes and shares per role in one period, indexed by <see cref="ManagerRole"/>.</summary>
public sealed record RoleMixRow(string Period, DateOnly Start, DateOnly End, IReadOnlyList<int> Minutes, IReadOnlyList<double> Shares, IReadOnlyList<double> GapToTarget, int TotalMinutes);

/// <summary>One manager's (or, with a null id, the whole scope's) mix per period.</summary>
public sealed record ManagerRoleBalance(PersonId? ManagerId, string Name, IReadOnlyList<RoleMixRow> Periods);

/// <summary>A rep who has had no interaction in a role for the given weeks.</summary>
public sealed record RepWithoutRole(PersonId RepId, string Name, PersonId? ManagerId, string? ManagerName, DateOnly? LastCoachedOn);

/// <summary>Role balance for the managers the actor may see, their total, the target and the reps with no coaching.</summary>
public sealed record RoleBalanceView(
    RoleTargetMixView Target, DateOnly AsOf, string PeriodKind, ManagerRoleBalance Total, IReadOnlyList<ManagerRoleBalance> Managers,
    int NoCoachingWeeks, IReadOnlyList<RepWithoutRole> NoCoaching);

/// <summary>Who supports a rep in which role: per manager and role, how often and when last.</summary>
public sealed record SupportRow(PersonId ManagerId, string ManagerName, ManagerRole Role, int Interactions, DateOnly LastOn);

/// <summary>A manager's week: the days, their entries, and the reps they may log for.</summary>
public sealed record ManagerWeekView(
    PersonId ManagerId, string ManagerName, DateOnly Monday, IReadOnlyList<InteractionView> Interactions,
    IReadOnlyList<RepChoice> Reps, IReadOnlyList<int> MinutesByRole);

/// <summary>A person one may log an interaction for.</summary>
public sealed record RepChoice(PersonId Id, string Name);

/// <summary>The outcome of a CSV import: how many were stored, or the problems by line (then nothing was stored).</summary>
public sealed record InteractionImportResult(int Stored, IReadOnlyList<InteractionImportProblem> Problems);

/// <summary>A problem in one line of an imported file.</summary>
public sealed record InteractionImportProblem(int Line, string Column, string Reason);
