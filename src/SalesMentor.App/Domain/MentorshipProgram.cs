using System.Text.Json.Serialization;
using SalesMentor.Core.Matching;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>Where a program is: draft → enrolling → matching → active → closed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgramStatus>))]
public enum ProgramStatus { Draft, Enrolling, Matching, Active, Closed }

/// <summary>
/// A mentorship program (a cohort): its dates, status and matching rules. Run by the admin or by the
/// coordinators the admin names.
/// </summary>
public sealed class MentorshipProgram : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Goals { get; set; }

    /// <summary>The confidentiality terms a new agreement of this program starts with; null for the built-in text.</summary>
    public string? DefaultTerms { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public ProgramStatus Status { get; set; }

    /// <summary>The solver mode a run uses unless told otherwise.</summary>
    public MatchMode Mode { get; set; }

    /// <summary>Pairs scoring below this (0–1000) are not candidates.</summary>
    public int MinimumScore { get; set; }
    public int WeightGaps { get; set; } = 5;
    public int WeightValues { get; set; } = 2;
    public int WeightReadiness { get; set; } = 2;
    public int WeightPreferences { get; set; } = 2;
    public int WeightLocation { get; set; } = 1;
    public int WeightSeniority { get; set; } = 1;

    /// <summary>Mentors must be proven stars (or have an admin's override).</summary>
    public bool RequireProvenStar { get; set; } = true;
    public bool ExcludeSupervisorChain { get; set; } = true;
    public bool ExcludeSameTeam { get; set; }
    public bool ExcludePreviousPairs { get; set; } = true;

    /// <summary>A mentor's capacity unless they choose another.</summary>
    public int DefaultCapacity { get; set; } = 2;
    public List<ProgramCoordinator> Coordinators { get; } = [];

    /// <summary>Weeks between pulse check-ins (1–12), counted from the program's start.</summary>
    public int PulseEveryWeeks { get; set; } = 4;

    /// <summary>Weeks without a held session that flag a pair "no session in N weeks" (1–12).</summary>
    public int NoSessionAlertWeeks { get; set; } = 3;

    /// <summary>The last matching run (mode, objective, verdict, unmatched mentees with reasons) as JSON; see <c>MatchRunSummary</c>.</summary>
    public string? LastRunJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A person who runs one program besides the admins.</summary>
public sealed class ProgramCoordinator
{
    public Guid ProgramId { get; init; }
    public PersonId PersonId { get; init; }
}
