using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Closing;

/// <summary>
/// The closing of a mentorship: stage, planned end, goal outcomes for everyone who sees the mentorship; the early-end
/// reason for the pair and the program's managers; the reflections for the pair only (a read of them is audited, never
/// the text). The former mentor gets 404, like for the rest of the mentorship.
/// </summary>
public sealed class GetClosing(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit)
{
    public async Task<Result<ClosingView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var a = await ClosingSupport.LoadAsync(db, access, actor, mentorshipId, ct);
        if (a is null) return Error.NotFound("mentorship");
        var m = a.Mentorship;
        ReflectionView? mine = null, other = null;
        IReadOnlyList<string> missing = [];
        if (a.Side is { } side)
        {
            var reflections = await db.Reflections.AsNoTracking().Where(r => r.MentorshipId == m.Id).ToListAsync(ct);
            var me = actor.PersonId!.Value;
            string SideOf(Reflection r) => r.AuthorId == m.MenteeId ? "mentee" : "mentor";
            ReflectionView View(Reflection r) => new(SideOf(r), cipher.Open(r.SealedText, r.Id, ClosingSupport.ReflectionField), r.UpdatedAt, r.Version);
            mine = reflections.FirstOrDefault(r => r.AuthorId == me) is { } x ? View(x) : null;
            other = reflections.FirstOrDefault(r => r.AuthorId != me) is { } y ? View(y) : null;
            if (other is not null) audit.Record(actor, "reflection.read", "mentorship", m.Id.ToString(), $"side={other.Side}");
            if (m.Stage == MentorshipStage.Closing) missing = await ClosingSupport.MissingAsync(db, m, side, ct);
            if (other is not null) await db.SaveChangesAsync(ct);
        }

        var running = m.Stage != MentorshipStage.Closed;
        var reason = a.Role is ClosingRole.Pair || a.IsManager;
        return new ClosingView(
            m.Id, m.Stage, m.StartedOn, m.PlannedEndOn, m.EndedOn, m.EndKind, reason ? m.EarlyEndReason : null, reason ? m.EarlyEndText : null,
            a.Side switch { PairSide.Mentee => "mentee", PairSide.Mentor => "mentor", _ => null }, mine, other,
            await OutcomesAsync(db, m, ct), m.OutcomesRecordedAt, running && a.Role == ClosingRole.Pair, running && (a.Role == ClosingRole.Pair || a.IsManager),
            missing, a.Side is not null && ClosingSupport.HasCertificate(m), m.Version);
    }

    /// <summary>Every goal of the agreement with its recorded outcome (none yet: null achievement).</summary>
    internal static async Task<IReadOnlyList<GoalOutcomeView>> OutcomesAsync(SalesMentorDb db, Mentorship m, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(x => x.MentorshipId == m.Id, ct);
        if (agreement is null) return [];
        var recorded = m.Outcomes.ToDictionary(o => o.GoalId);
        var behaviourIds = agreement.BehaviourGoals.Select(g => g.BehaviourId).ToList();
        var behaviours = await db.Behaviours.AsNoTracking().Where(b => behaviourIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var list = new List<GoalOutcomeView>();
        foreach (var g in agreement.KpiGoals)
        {
            var o = recorded.GetValueOrDefault(g.Id);
            var name = KpiCatalog.FromId(g.Kpi) is { } k ? KpiCatalog.Of(k).Name : g.Kpi;
            list.Add(new GoalOutcomeView(g.Id, GoalKind.Kpi, $"{name}: {g.Target:0.##} by {g.TargetDate:yyyy-MM-dd}", o?.Achievement, g.Baseline, g.Target,
                o?.MeasuredValue, o?.MeasuredFrom, o?.MeasuredTo));
        }

        foreach (var g in agreement.BehaviourGoals)
        {
            var o = recorded.GetValueOrDefault(g.Id);
            list.Add(new GoalOutcomeView(g.Id, GoalKind.Behaviour, $"{behaviours.GetValueOrDefault(g.BehaviourId, "a behaviour")}: {g.Level}", o?.Achievement,
                null, null, null, null, null));
        }

        return list;
    }
}
