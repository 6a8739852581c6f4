using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Features.Adoption;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Progress;

/// <summary>
/// A mentee's progress page: goals and progress, for those DESIGN.md lets see them — the mentee, the mentor while it
/// runs, the mentee's supervisor chain and the program's managers (404 for everyone else, the former mentor too).
/// Sessions and action items are added for the pair only. Nothing of the confidential space, private notes or pulses.
/// </summary>
public sealed class GetMentorshipProgress(SalesMentorDb db, Access access, KpiCache kpis, OrgClock clock, TimeProvider time, GetAdoption adoption)
{
    public async Task<Result<MentorshipProgressView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
        if (m is null || !await access.CanSeeMentorshipAsync(actor, m, ct)) return Error.NotFound("mentorship");
        var adopted = await adoption.HandleAsync(actor, mentorshipId, ct);
        if (!adopted.IsSuccess) return adopted.Error!;
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        var names = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var today = await clock.TodayAsync(ct);
        var goals = await db.Agreements.AsNoTracking().Where(a => a.MentorshipId == mentorshipId).Select(a => a.KpiGoals).SingleOrDefaultAsync(ct) ?? [];
        var snapshot = await kpis.GetAsync(ct);
        var progress = new KpiGoalProgress(snapshot, today);
        var mentorShown = await access.CanSeeSalesDataAsync(actor, m.MentorId, ct);
        var kpiGoals = goals.Select(g => progress.Of(g, m.MenteeId, m.MentorId, mentorShown)).OfType<KpiGoalProgressView>().ToList();

        SessionsProgressView? sessions = null;
        if (pair is not null)
        {
            var all = await db.Sessions.AsNoTracking().Where(s => s.MentorshipId == mentorshipId).ToListAsync(ct);
            sessions = SessionProgress.Of(all, time.GetUtcNow().UtcDateTime, today);
        }

        var side = pair is null ? null : pair.Side == PairSide.Mentee ? "mentee" : "mentor";
        return new MentorshipProgressView(
            m.Id, new PersonRef(m.MentorId, names[m.MentorId]), new PersonRef(m.MenteeId, names[m.MenteeId]), m.Stage, m.StartedOn, side,
            snapshot.Currency, today, kpiGoals, adopted.Value.Behaviours, adopted.Value.Values, sessions);
    }
}
