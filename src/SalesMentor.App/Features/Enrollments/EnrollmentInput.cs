using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Programs;
using SalesMentor.Core.Mentoring;
using SalesMentor.Core.People;
using SalesMentor.Core.Skills;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>An <see cref="EnrollmentRequest"/> checked against the catalogs, the people directory and the KPI suggestions.</summary>
internal sealed record EnrollmentInput(
    int Capacity, IReadOnlyList<SkillLevelInput> Skills, List<Guid> Values, string? Statement, string? Availability, string? TimeZone,
    IReadOnlyList<AttributeScoreInput> SelfRatings, List<ReflectionAnswer> Reflection, List<PersonId> Preferences, List<PersonId> Avoid)
{
    public const int MaxSkills = 20, MaxValues = 10, MaxAnswers = 10, MaxPeople = 20, MaxAvailability = 500;

    public static async Task<Result<EnrollmentInput>> ReadAsync(
        SalesMentorDb db, EnrollmentSide side, PersonId me, EnrollmentRequest r, IReadOnlyList<SkillSignal> signals, CancellationToken ct)
    {
        var mentor = side == EnrollmentSide.Mentor;
        var capacity = mentor ? r.Capacity : 0;
        if (mentor && capacity is < 1 or > ProgramRules.MaxCapacity) return Error.Validation("enrollment.capacity", $"A mentor takes 1 to {ProgramRules.MaxCapacity} mentees.");

        var skills = r.Skills ?? [];
        if (skills.Count > MaxSkills) return Error.Validation("enrollment.skills", $"Choose at most {MaxSkills} skills.");
        if (skills.Select(s => s.SkillKey).Distinct(StringComparer.Ordinal).Count() != skills.Count) return Error.Validation("enrollment.skills", "Each skill appears once.");
        var keys = skills.Select(s => s.SkillKey).ToList();
        if (await db.Skills.CountAsync(s => keys.Contains(s.Key) && !s.Archived, ct) != keys.Count) return Error.Validation("enrollment.skills", "A skill is not in the catalog.");
        foreach (var s in skills)
        {
            if (s.Level is < 1 or > 5) return Error.Validation("enrollment.skill_level", "A skill's level is 1 (small) to 5 (large).");
            if (!Enum.IsDefined(s.Visibility) || (mentor && s.Visibility != GapVisibility.ShareForMatching)) return Error.Validation("enrollment.visibility", "A gap is ShareForMatching or MentorOnly; a strength is always shared.");
            var kind = mentor ? SkillSignalKind.Strength : SkillSignalKind.Gap;
            if (s.Source == SkillSource.Kpi && !signals.Any(x => x.Kind == kind && x.SkillId == s.SkillKey)) return Error.Validation("enrollment.skill_source", "Only a skill the KPIs suggest can have the source Kpi.");
            if (s.Source is not (SkillSource.Self or SkillSource.Kpi)) return Error.Validation("enrollment.skill_source", "The source of your own rating is Self or Kpi.");
        }

        var values = (r.Values ?? []).Distinct().ToList();
        if (values.Count > MaxValues) return Error.Validation("enrollment.values", $"Choose at most {MaxValues} values.");
        if (await db.CompanyValues.CountAsync(v => values.Contains(v.Id) && !v.Archived, ct) != values.Count) return Error.Validation("enrollment.values", "A value is not in the catalog.");

        var statement = TextRules.Read(r.Statement, "enrollment.statement", mentor ? "your motivation" : "what you want from the program", TextRules.MaxText, multiline: true);
        if (!statement.IsSuccess) return statement.Error!;
        var availability = TextRules.Read(r.Availability, "enrollment.availability", "your availability", MaxAvailability, multiline: true);
        if (!availability.IsSuccess) return availability.Error!;
        var zone = PersonRules.TimeZone(r.TimeZone, out var zoneProblem);
        if (zoneProblem is not null) return Error.Validation("enrollment.time_zone", char.ToUpperInvariant(zoneProblem[0]) + zoneProblem[1..] + ".");

        var ratings = r.SelfRatings ?? [];
        var rated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in ratings)
        {
            if (MentoringAttributes.Find(mentor, a.Attribute) is null || !rated.Add(a.Attribute)) return Error.Validation("enrollment.attribute", "Rate each attribute of the form at most once.");
            if (a.Score is < MentoringAttributes.MinScore or > MentoringAttributes.MaxScore) return Error.Validation("enrollment.attribute_score", "An attribute's score is 1 to 5.");
        }

        var reflection = new List<ReflectionAnswer>();
        if (mentor)
        {
            if ((r.Reflection?.Count ?? 0) > MaxAnswers) return Error.Validation("enrollment.reflection", $"Give at most {MaxAnswers} answers.");
            foreach (var answer in r.Reflection ?? [])
            {
                var text = TextRules.Read(answer.Answer, "enrollment.reflection", "an answer", TextRules.MaxText, required: true, multiline: true);
                if (!text.IsSuccess) return text.Error!;
                var attributes = (answer.Attributes ?? []).Distinct(StringComparer.Ordinal).ToList();
                if (attributes.Any(k => MentoringAttributes.Find(true, k) is null)) return Error.Validation("enrollment.reflection", "Map each answer onto the mentor attributes of the form.");
                reflection.Add(new ReflectionAnswer(text.Value!, attributes));
            }
        }

        var preferences = (r.Preferences ?? []).Distinct().ToList();
        var avoid = (r.Avoid ?? []).Distinct().ToList();
        if (preferences.Count > MaxPeople || avoid.Count > MaxPeople) return Error.Validation("enrollment.people", $"List at most {MaxPeople} people.");
        if (preferences.Contains(me) || avoid.Contains(me)) return Error.Validation("enrollment.people", "You cannot list yourself.");
        if (preferences.Intersect(avoid).Any()) return Error.Validation("enrollment.people", "Someone is both preferred and avoided.");
        var named = preferences.Concat(avoid).ToList();
        if (await db.People.CountAsync(p => named.Contains(p.Id), ct) != named.Count) return Error.Validation("enrollment.people", "A listed person is not in the people directory.");

        return new EnrollmentInput(capacity, skills, values, statement.Value, availability.Value, zone, ratings, reflection, preferences, avoid);
    }
}
