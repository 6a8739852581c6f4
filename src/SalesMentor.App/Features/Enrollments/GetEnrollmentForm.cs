using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Mentoring;
using SalesMentor.Core.Skills;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// What the actor's own enrollment form needs: their enrollment on that side (if any), the catalogs, the article's
/// attributes, the gaps (mentee) or strengths (mentor) their KPIs suggest, and — for mentors — their star evidence. A new
/// form's time zone is the person's own (from the directory), to change or keep.
/// </summary>
public sealed class GetEnrollmentForm(SalesMentorDb db, Access access, KpiCache kpis)
{
    public async Task<Result<EnrollmentForm>> HandleAsync(Actor actor, Guid programId, EnrollmentSide side, CancellationToken ct)
    {
        var program = await access.LoadProgramAsync(actor, programId, ct);
        if (program is null) return Error.NotFound("program");
        if (actor.PersonId is not { } me) return Error.Validation("enrollment.person", "Only a person can enroll (on the command line, use --as).");
        if (!Enum.IsDefined(side)) return Error.Validation("enrollment.side", "The side is Mentor or Mentee.");
        var mentor = side == EnrollmentSide.Mentor;
        var reader = new EnrollmentReader(db, kpis);
        var existing = await db.Enrollments.AsNoTracking().SingleOrDefaultAsync(e => e.ProgramId == programId && e.PersonId == me && e.Side == side, ct);
        var view = existing is null ? null : await reader.ReadAsync(existing, program, EnrollmentRights.Owner, ct);

        var skills = await db.Skills.AsNoTracking().Where(s => !s.Archived).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var values = await db.CompanyValues.AsNoTracking().Where(v => !v.Archived).OrderBy(v => v.SortOrder).ToListAsync(ct);
        var snapshot = await kpis.GetAsync(ct);
        var index = snapshot.IndexOf(me);
        var names = skills.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
        var kind = mentor ? SkillSignalKind.Strength : SkillSignalKind.Gap;
        var suggestions = (index < 0 ? [] : snapshot.Signals.ByPerson[index])
            .Where(s => s.Kind == kind && names.ContainsKey(s.SkillId))
            .Select(s => new SkillSuggestionView(s.SkillId, names[s.SkillId], mentor ? SkillRatingKind.Strength : SkillRatingKind.Gap, s.Reason))
            .ToList();
        var verdict = Eligibility.VerdictOf(snapshot, me);
        var otherSide = mentor ? EnrollmentSide.Mentee : EnrollmentSide.Mentor;
        var others = await db.Enrollments.AsNoTracking().Where(e => e.ProgramId == programId && e.Side == otherSide && !e.Withdrawn && e.PersonId != me)
            .Join(db.People, e => e.PersonId, p => p.Id, (e, p) => new PersonRef(p.Id, p.Name)).ToListAsync(ct);
        var zone = view is not null ? view.TimeZone : await db.People.AsNoTracking().Where(p => p.Id == me).Select(p => p.TimeZone).SingleOrDefaultAsync(ct);
        return new EnrollmentForm(
            program.Id, program.Name, program.Status, side, program.Status is ProgramStatus.Enrolling or ProgramStatus.Matching, view,
            [.. skills.Select(s => new Choice(s.Key, s.Name, s.Description))], [.. values.Select(v => new Choice(v.Id.ToString(), v.Name, v.Description))],
            [.. (mentor ? MentoringAttributes.Mentor : MentoringAttributes.Mentee).Select(a => new Choice(a.Key, a.Name, a.Question))],
            suggestions, mentor && verdict is not null ? StarVerdictView.Of(verdict) : null,
            mentor ? Eligibility.Of(program, existing ?? new Enrollment { Side = side }, verdict, showOverrideReason: false) : null,
            [.. others.OrderBy(p => p.Name, StringComparer.CurrentCulture)], program.DefaultCapacity, zone);
    }
}
