using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Programs;

/// <summary>Builds <see cref="ProgramView"/>s: counts of enrollments, coordinators' names, the actor's own enrollments.</summary>
internal static class ProgramViewReader
{
    public static async Task<ProgramView> ReadAsync(SalesMentorDb db, Access access, Actor actor, MentorshipProgram p, CancellationToken ct)
    {
        var counts = await db.Enrollments.Where(e => e.ProgramId == p.Id && !e.Withdrawn).GroupBy(e => e.Side)
            .Select(g => new { Side = g.Key, Count = g.Count() }).ToListAsync(ct);
        var coordinatorIds = p.Coordinators.Select(c => c.PersonId).ToList();
        var coordinators = await db.People.Where(x => coordinatorIds.Contains(x.Id)).Select(x => new PersonRef(x.Id, x.Name)).ToListAsync(ct);
        var mine = actor.PersonId is { } me
            ? await db.Enrollments.Where(e => e.ProgramId == p.Id && e.PersonId == me && !e.Withdrawn).Select(e => new { e.Id, e.Side }).ToListAsync(ct)
            : [];
        return new ProgramView(
            p.Id, p.Name, p.Goals, p.StartsOn, p.EndsOn, p.Status, p.Mode.ToString(), p.MinimumScore, WeightsView.Of(p), ProgramRules.RulesOf(p),
            [.. coordinators.OrderBy(c => c.Name, StringComparer.CurrentCulture)],
            counts.Where(c => c.Side == EnrollmentSide.Mentor).Sum(c => c.Count), counts.Where(c => c.Side == EnrollmentSide.Mentee).Sum(c => c.Count),
            await access.IsProgramManagerAsync(actor, p.Id, ct),
            mine.FirstOrDefault(e => e.Side == EnrollmentSide.Mentor)?.Id, mine.FirstOrDefault(e => e.Side == EnrollmentSide.Mentee)?.Id, p.Version,
            p.DefaultTerms ?? Agreements.AgreementReader.DefaultTerms);
    }
}
