using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Features.Stars;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>A mentor's strength or a mentee's gap: skill, level 1–5, where it came from, who may see it (gaps).</summary>
public sealed record SkillLevelView(string SkillKey, string Name, int Level, SkillSource Source, GapVisibility Visibility);

/// <summary>One attribute of the article with a score 1–5.</summary>
public sealed record AttributeScoreView(string Attribute, string Name, double Score);

/// <summary>Peer ratings of a mentor's attributes: the mean per attribute over <see cref="Raters"/> anonymous raters.</summary>
public sealed record PeerRatingsView(int Raters, int Invited, bool Hidden, IReadOnlyList<AttributeScoreView> Averages);

/// <summary>Whether a mentor may be matched, and why.</summary>
public sealed record EligibilityView(bool Eligible, string Reason, bool? Override, string? OverrideReason);

/// <summary>A value picked in an enrollment.</summary>
public sealed record ValueRef(Guid Id, string Name);

/// <summary>A reflection answer: the lesson and who taught it, and the mentor attributes it shows.</summary>
public sealed record ReflectionAnswerView(string Answer, IReadOnlyList<string> Attributes);

/// <summary>
/// An enrollment as the actor may see it (DESIGN.md's access table): parts the actor may not see are empty or null.
/// <see cref="Skills"/> are a mentor's strengths or a mentee's gaps — a gap marked "mentor only" appears only for the
/// mentee and their mentor once matched.
/// </summary>
public sealed record EnrollmentView(
    Guid Id, Guid ProgramId, string ProgramName, PersonRef Person, EnrollmentSide Side, bool Withdrawn, int Capacity,
    string? Statement, string? Availability, string? TimeZone, IReadOnlyList<ValueRef> Values, IReadOnlyList<SkillLevelView> Skills,
    IReadOnlyList<AttributeScoreView> SelfRatings, IReadOnlyList<AttributeScoreView> SupervisorRatings, PeerRatingsView? PeerRatings,
    IReadOnlyList<ReflectionAnswerView> Reflection, IReadOnlyList<PersonRef> Preferences, IReadOnlyList<PersonRef> Avoid,
    EligibilityView? Eligibility, IReadOnlyList<RatingInvitationRow> Invitations, int Version);

/// <summary>An invitation to rate: the rater's name only for the program's managers (peer raters stay anonymous to the mentor).</summary>
public sealed record RatingInvitationRow(Guid Id, string? Rater, RaterRelation Relation, bool Completed, DateTime CreatedAt);

/// <summary>One row of a program's roster, for its managers.</summary>
public sealed record EnrollmentRow(
    Guid Id, PersonRef Person, EnrollmentSide Side, bool Withdrawn, int Capacity, string? Team, EligibilityView? Eligibility,
    int PeerRaters, bool SupervisorRated, int Version);

/// <summary>A skill the KPIs suggest as a gap or a strength, with the numbers behind it.</summary>
public sealed record SkillSuggestionView(string SkillKey, string Name, SkillRatingKind Kind, string Reason);

/// <summary>A choice offered by the form (skill, value or person).</summary>
public sealed record Choice(string Key, string Name, string? Description);

/// <summary>
/// What the enrollment form needs for one side of one program: the actor's enrollment if any, the catalogs, the
/// article's attributes, the KPI-suggested gaps or strengths, and the star verdict (mentors). <see cref="TimeZone"/> is
/// what a new form starts with: the enrollment's when there is one, otherwise the person's own time zone from the directory.
/// </summary>
public sealed record EnrollmentForm(
    Guid ProgramId, string ProgramName, ProgramStatus ProgramStatus, EnrollmentSide Side, bool Open, EnrollmentView? Enrollment,
    IReadOnlyList<Choice> Skills, IReadOnlyList<Choice> Values, IReadOnlyList<Choice> Attributes, IReadOnlyList<SkillSuggestionView> Suggestions,
    StarVerdictView? Star, EligibilityView? Eligibility, IReadOnlyList<PersonRef> OtherSide, int DefaultCapacity, string? TimeZone = null);

/// <summary>A strength (mentor) or gap (mentee) to save. <see cref="Source"/>: Self, or Kpi when taken from a KPI suggestion.</summary>
public sealed record SkillLevelInput(string SkillKey, int Level, SkillSource Source = SkillSource.Self, GapVisibility Visibility = GapVisibility.ShareForMatching);

/// <summary>A score 1–5 of one attribute (keys from the form's attributes).</summary>
public sealed record AttributeScoreInput(string Attribute, int Score);

/// <summary>
/// The actor's own enrollment on one side (send the <see cref="Version"/> read; 0 when new). <see cref="Capacity"/>,
/// <see cref="Reflection"/>: mentors. <see cref="Skills"/>: a mentor's strengths or a mentee's gaps, each gap marked
/// ShareForMatching or MentorOnly. <see cref="Statement"/>: a mentor's motivation, or what a mentee wants from the program.
/// </summary>
public sealed record EnrollmentRequest(
    int Capacity = 0, IReadOnlyList<SkillLevelInput>? Skills = null, IReadOnlyList<Guid>? Values = null, string? Statement = null,
    string? Availability = null, string? TimeZone = null, IReadOnlyList<AttributeScoreInput>? SelfRatings = null,
    IReadOnlyList<ReflectionAnswerView>? Reflection = null, IReadOnlyList<PersonId>? Preferences = null, IReadOnlyList<PersonId>? Avoid = null,
    int Version = 0);

/// <summary>A manager's decision on a mentor's eligibility: true (eligible), false (not), null (the star rule decides), with the reason why.</summary>
public sealed record EligibilityRequest(bool? Eligible, string? Reason, int Version);

/// <summary>People to invite as raters, by email (they must be in the people directory).</summary>
public sealed record InviteRatersRequest(IReadOnlyList<string>? Emails);

/// <summary>What a rater sees: whom they rate and on what, and their own earlier answers.</summary>
public sealed record RatingForm(
    Guid Id, PersonRef Subject, string ProgramName, RaterRelation Relation, IReadOnlyList<Choice> Attributes, IReadOnlyList<AttributeScoreView> MyScores, bool Completed);

/// <summary>The rater's scores, one per attribute of the form.</summary>
public sealed record RatingRequest(IReadOnlyList<AttributeScoreInput>? Scores);
