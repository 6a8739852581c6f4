using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Health;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// The pair's view of their mentorship's health: the flags they may see, whether a pulse is due, and the notice that the
/// program's admins see the health flags (never answers or comments, never which side). The pair only (404 for others).
/// </summary>
public sealed class GetMentorshipHealth(SalesMentorDb db, Access access, ConfidentialCipher cipher, KpiCache kpis, OrgClock today)
{
    /// <summary>What the pair is told, in the product, about who sees what.</summary>
    public const string AdminNotice =
        "Your program's admins see health flags for this mentorship — \"no session in N weeks\", \"actions overdue\", \"goals not moving\", " +
        "\"cohesion low\" — to offer help. They never see your pulse answers or comments, nor which of you answered what; each of you reads only your own.";

    public async Task<Result<MentorshipHealthView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        var m = pair.Mentorship;
        var schedule = await PulseSupport.ScheduleAsync(db, m, ct);
        var day = await today.TodayAsync(ct);
        var flags = HealthAlerts.None;
        if (!pair.ReadOnly)
        {
            var assessed = await HealthAssessment.AssessAsync(db, cipher, kpis, [m], new Dictionary<Guid, PulseSchedule> { [m.Id] = schedule }, day, ct);
            // "Cohesion low" mixes both sides' answers: shown to one side it would tell them how the other answered.
            flags = assessed[m.Id] & ~HealthAlerts.CohesionLow;
        }

        var me = actor.PersonId!.Value;
        var round = schedule.Round(day);
        var answered = await db.Pulses.AnyAsync(p => p.MentorshipId == m.Id && p.RespondentId == me && p.Round == round, ct);
        return new MentorshipHealthView(m.Id, HealthRules.Reasons(flags, schedule.NoSessionWeeks),
            AdminNotice.Replace("N weeks", $"{schedule.NoSessionWeeks} weeks", StringComparison.Ordinal), !pair.ReadOnly && !answered);
    }
}
