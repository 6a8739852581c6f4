using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Closing;

/// <summary>
/// Opens the closing conversation with a planned end date (active → closing), or moves the date while closing. The pair
/// only (403 for the others who see the mentorship); an agreeing mentorship has no goals to close on (409: end it early instead).
/// </summary>
public sealed class PlanClosing(SalesMentorDb db, Access access, GetClosing get, OrgClock today, AuditLog audit)
{
    public async Task<Result<ClosingView>> HandleAsync(Actor actor, Guid mentorshipId, PlanClosingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = await ClosingSupport.LoadAsync(db, access, actor, mentorshipId, ct, tracking: true);
        if (a is null) return Error.NotFound("mentorship");
        if (ClosingSupport.PairWrites(a, mustBeClosing: false) is { } refused) return refused;
        var m = a.Mentorship;
        if (m.Stage == MentorshipStage.Agreeing)
        {
            return Error.Conflict("closing.not_active", "The agreement is not signed yet, so there is nothing to close on: end the mentorship early instead.");
        }

        var day = await today.TodayAsync(ct);
        if (request.PlannedEndOn < day || request.PlannedEndOn < m.StartedOn)
        {
            return Error.Validation("closing.planned_end", "The planned end date is today or later.");
        }

        db.Entry(m).Property(x => x.Version).OriginalValue = request.Version;
        (m.PlannedEndOn, m.Stage) = (request.PlannedEndOn, MentorshipStage.Closing);
        audit.Record(actor, "mentorship.closing", "mentorship", m.Id.ToString(), $"plannedEnd={request.PlannedEndOn:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("mentorship");
        }

        return await get.HandleAsync(actor, mentorshipId, ct);
    }
}

/// <summary>
/// Writes the caller's own closing reflection (sealed at rest; the pair reads both, nobody else either). While closing
/// only; send the reflection's version (0 for the first): a stale one is a conflict.
/// </summary>
public sealed class WriteReflection(SalesMentorDb db, Access access, ConfidentialCipher cipher, GetClosing get, TimeProvider clock)
{
    public async Task<Result<ClosingView>> HandleAsync(Actor actor, Guid mentorshipId, ReflectionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = await ClosingSupport.LoadAsync(db, access, actor, mentorshipId, ct);
        if (a is null) return Error.NotFound("mentorship");
        if (ClosingSupport.PairWrites(a, mustBeClosing: true) is { } refused) return refused;
        var text = ClosingSupport.ReflectionText(request.Text);
        if (!text.IsSuccess) return text.Error!;
        var me = actor.PersonId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.MentorshipId == mentorshipId && r.AuthorId == me, ct);
        if (reflection is null)
        {
            if (request.Version != 0) return Error.StaleEdit("reflection");
            reflection = new Reflection { MentorshipId = mentorshipId, AuthorId = me, CreatedAt = now };
            db.Reflections.Add(reflection);
        }
        else
        {
            db.Entry(reflection).Property(r => r.Version).OriginalValue = request.Version;
        }

        reflection.SealedText = cipher.Seal(text.Value!, reflection.Id, ClosingSupport.ReflectionField);
        reflection.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or the first reflection written twice at once (the unique key): the same conflict.
            return Error.StaleEdit("reflection");
        }

        return await get.HandleAsync(actor, mentorshipId, ct);
    }
}

/// <summary>
/// Records the outcome of every goal of the agreement (achieved, partly, not achieved). For a KPI goal the measured final
/// value comes from the KPI engine: the mean of the mentee's monthly values over as many whole months before today as its
/// baseline used. The pair only, while closing; send the mentorship's version.
/// </summary>
public sealed class RecordOutcomes(SalesMentorDb db, Access access, KpiCache kpis, GetClosing get, OrgClock today, TimeProvider clock, AuditLog audit)
{
    public async Task<Result<ClosingView>> HandleAsync(Actor actor, Guid mentorshipId, OutcomesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = await ClosingSupport.LoadAsync(db, access, actor, mentorshipId, ct, tracking: true);
        if (a is null) return Error.NotFound("mentorship");
        if (ClosingSupport.PairWrites(a, mustBeClosing: true) is { } refused) return refused;
        var m = a.Mentorship;
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(x => x.MentorshipId == mentorshipId, ct);
        var inputs = request.Outcomes ?? [];
        var goals = agreement is null ? 0 : agreement.KpiGoals.Count + agreement.BehaviourGoals.Count;
        if (inputs.Any(i => i is null || !Enum.IsDefined(i.Achievement)))
        {
            return Error.Validation("closing.outcome", "Each outcome is Achieved, Partly or NotAchieved.");
        }

        var byGoal = inputs.GroupBy(i => i.GoalId).ToList();
        if (byGoal.Any(g => g.Count() > 1) || inputs.Count != goals || agreement is null
            || !inputs.All(i => agreement.KpiGoals.Any(g => g.Id == i.GoalId) || agreement.BehaviourGoals.Any(g => g.Id == i.GoalId)))
        {
            return Error.Validation("closing.outcomes", "Give exactly one outcome for each goal of the agreement.");
        }

        var day = await today.TodayAsync(ct);
        KpiSnapshot? snapshot = null;
        var outcomes = new List<GoalOutcome>();
        foreach (var goal in agreement.KpiGoals)
        {
            var input = inputs.Single(i => i.GoalId == goal.Id);
            decimal? value = null;
            string? from = null, to = null;
            if (KpiCatalog.FromId(goal.Kpi) is { } kpi)
            {
                snapshot ??= await kpis.GetAsync(ct);
                (value, from, to) = KpiBaseline.Capture(snapshot, m.MenteeId, kpi, day, Math.Clamp(goal.BaselineMonths, 1, KpiBaseline.MaxMonths));
            }

            outcomes.Add(new GoalOutcome(goal.Id, GoalKind.Kpi, input.Achievement, value, from, to));
        }

        outcomes.AddRange(agreement.BehaviourGoals.Select(g => new GoalOutcome(g.Id, GoalKind.Behaviour, inputs.Single(i => i.GoalId == g.Id).Achievement, null, null, null)));
        db.Entry(m).Property(x => x.Version).OriginalValue = request.Version;
        (m.Outcomes, m.OutcomesRecordedAt) = (outcomes, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, "mentorship.outcomes", "mentorship", m.Id.ToString(), $"goals={outcomes.Count}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("mentorship");
        }

        return await get.HandleAsync(actor, mentorshipId, ct);
    }
}
