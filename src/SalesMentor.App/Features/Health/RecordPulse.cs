using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Health;

/// <summary>Loading a mentorship with its schedule, and reading one's own pulses; shared by the pulse use cases.</summary>
internal static class PulseSupport
{
    public static async Task<PulseSchedule> ScheduleAsync(SalesMentorDb db, Mentorship m, CancellationToken ct)
    {
        var program = m.ProgramId is { } id ? await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        return PulseSchedule.Of(m, program);
    }

    public static MyPulseView View(Pulse p, PulseContent c, PulseSchedule schedule) =>
        new(p.Id, p.Round, schedule.Start(p.Round), c.Trust, c.Safety, c.Value, c.Commitment, c.Comment, p.UpdatedAt, p.Version);

    public static async Task<MyPulsesView> MineAsync(SalesMentorDb db, ConfidentialCipher cipher, PairAccess pair, Actor actor, DateOnly today, CancellationToken ct)
    {
        var m = pair.Mentorship;
        var schedule = await ScheduleAsync(db, m, ct);
        var me = actor.PersonId!.Value;
        var pulses = await db.Pulses.AsNoTracking().Where(p => p.MentorshipId == m.Id && p.RespondentId == me).ToListAsync(ct);
        var views = pulses.OrderByDescending(p => p.Round).Select(p => View(p, PulseContent.Open(cipher, p), schedule)).ToList();
        var round = schedule.Round(today);
        var thisRound = views.FirstOrDefault(v => v.Round == round);
        var canAnswer = !pair.ReadOnly;
        return new MyPulsesView(m.Id, schedule.EveryWeeks, round, schedule.Start(round), schedule.Start(round + 1), canAnswer && thisRound is null, canAnswer, thisRound, views);
    }
}

/// <summary>
/// The caller's own pulse answers of a mentorship and whether this round's is due: the mentee and the mentor (while it
/// runs) — each sees their own only. Everyone else, the other side's answers included, is hidden (404).
/// </summary>
public sealed class ListMyPulses(SalesMentorDb db, Access access, ConfidentialCipher cipher, OrgClock today)
{
    public async Task<Result<MyPulsesView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        return await PulseSupport.MineAsync(db, cipher, pair, actor, await today.TodayAsync(ct), ct);
    }
}

/// <summary>
/// A pulse check-in of this round by the mentor or the mentee: trust, safety to speak openly, value of the time,
/// commitment to the goals (1–5) and an optional comment. Sealed at rest and readable by its author only; the app uses
/// it to raise "cohesion low" and in aggregates of ≥ 5 people. Answering again in the same round changes the answer
/// (send its version). Nothing is mailed and nothing of it is logged.
/// </summary>
public sealed class RecordPulse(SalesMentorDb db, Access access, ConfidentialCipher cipher, OrgClock today, TimeProvider clock)
{
    public const int MaxComment = 1000;

    public async Task<Result<MyPulsesView>> HandleAsync(Actor actor, Guid mentorshipId, PulseRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        if (pair.ReadOnly) return Error.Conflict("mentorship.ended", "This mentorship has ended: no more pulse check-ins.");
        var scores = new Core.Health.PulseScores(request.Trust, request.Safety, request.Value, request.Commitment);
        if (!scores.InRange) return Error.Validation("pulse.score", "Give each of trust, safety, value and commitment a score from 1 to 5.");
        var comment = TextRules.Read(request.Comment, "pulse.comment", "the comment", MaxComment, multiline: true);
        if (!comment.IsSuccess) return comment.Error!;

        var day = await today.TodayAsync(ct);
        var schedule = await PulseSupport.ScheduleAsync(db, pair.Mentorship, ct);
        var round = schedule.Round(day);
        var me = actor.PersonId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var content = new PulseContent(request.Trust, request.Safety, request.Value, request.Commitment, comment.Value);
        var pulse = await db.Pulses.SingleOrDefaultAsync(p => p.MentorshipId == mentorshipId && p.RespondentId == me && p.Round == round, ct);
        if (pulse is null)
        {
            if (request.Version != 0) return Error.StaleEdit("pulse");
            pulse = new Pulse { MentorshipId = mentorshipId, RespondentId = me, Round = round, CreatedAt = now, UpdatedAt = now };
            db.Pulses.Add(pulse);
        }
        else
        {
            db.Entry(pulse).Property(p => p.Version).OriginalValue = request.Version;
            pulse.UpdatedAt = now;
        }

        pulse.SealedAnswers = content.Seal(cipher, pulse.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or the other tab answered this round first (the unique index): either way, reload and apply again.
            return Error.StaleEdit("pulse");
        }

        return await PulseSupport.MineAsync(db, cipher, pair, actor, day, ct);
    }
}
