using SalesMentor.App.Common;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// A manager's view of how their own people (everyone below them in the tree) answer the pulses of a program:
/// aggregates of closed rounds over ≥ 5 of them — as mentees, as mentors, or both — released together with the
/// admins' and every other manager's (<see cref="PulseAggregates"/>), so that no two differ by 1–4 people. Never an
/// answer, a comment or a pair. 404 for someone with nobody below them or who does not see the program.
/// </summary>
public sealed class GetTeamPulse(Access access, OrgClock today, PulseAggregates aggregates)
{
    public async Task<Result<TeamPulseView>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var program = await access.LoadProgramAsync(actor, programId, ct);
        if (program is null || actor.PersonId is not { } me) return Error.NotFound("program");
        var hierarchy = await access.HierarchyAsync(ct);
        if (hierarchy.ReportsOf(me).Count == 0) return Error.NotFound("program");
        var schedule = PulseSchedule.Of(program);
        var released = await aggregates.ReleaseAsync(program.Id, schedule.Round(await today.TodayAsync(ct)), ct);
        var (views, withheld) = released.For($"team:{me}:", schedule);
        return new TeamPulseView(program.Id, program.Name, hierarchy.Below(me).Count, views, withheld);
    }
}
