using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Agreements;

/// <summary>The agreement of a mentorship, for the pair, the mentee's supervisor chain and the program's managers (404 for others).</summary>
public sealed class GetAgreement(SalesMentorDb db, Access access)
{
    public async Task<Result<AgreementView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
        if (m is null) return Error.NotFound("mentorship");
        var role = await AgreementReader.RoleAsync(access, actor, m, ct);
        if (role == AgreementRole.Hidden) return Error.NotFound("mentorship");
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.MentorshipId == mentorshipId, ct);
        return await AgreementReader.ViewAsync(db, m, agreement, role, actor, ct);
    }
}

/// <summary>
/// The mentor or the mentee saves the whole agreement. A new KPI goal's baseline is captured from the mentee's KPI data
/// and frozen: a goal sent again with its id keeps its baseline (changing its KPI makes it a new goal). A change of
/// content after a signature clears both signatures and starts a new revision; signed revisions stay in the history.
/// Others who may see the agreement get 403; everyone else 404. Version 0 creates it; a stale version is a conflict.
/// </summary>
public sealed class SaveAgreement(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today, TimeProvider clock, AuditLog audit)
{
    public const int MaxGoals = 20;

    public async Task<Result<AgreementView>> HandleAsync(Actor actor, Guid mentorshipId, AgreementRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
        if (m is null) return Error.NotFound("mentorship");
        var role = await AgreementReader.RoleAsync(access, actor, m, ct);
        if (role == AgreementRole.Hidden) return Error.NotFound("mentorship");
        if (role != AgreementRole.Party) return Error.Forbidden("agreement.pair_only", "Only the mentor and the mentee write their agreement.");
        if (m.Stage == MentorshipStage.Closed) return Error.Conflict("mentorship.ended", "This mentorship has ended: its agreement can no longer change.");

        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.MentorshipId == mentorshipId, ct);
        if ((agreement?.Version ?? 0) != request.Version) return Error.StaleEdit("agreement");
        var input = await ValidateAsync(request, ct);
        if (!input.IsSuccess) return input.Error!;
        var (kpiInputs, behaviourGoals, valueIds, terms) = input.Value;

        var now = clock.GetUtcNow().UtcDateTime;
        var creating = agreement is null;
        agreement ??= new Agreement { MentorshipId = mentorshipId, Terms = terms, Version = 1 };

        // A behaviour goal sent without its id is the same goal when the behaviour is: it keeps its id.
        behaviourGoals = [.. behaviourGoals.Select(b => b.Id != Guid.Empty ? b
            : b with { Id = agreement.BehaviourGoals.FirstOrDefault(x => x.BehaviourId == b.BehaviourId)?.Id ?? Guid.CreateVersion7() })];
        var before = creating ? null : AgreementReader.ContentJson(agreement);
        var day = await today.TodayAsync(ct);
        KpiSnapshot? snapshot = null;
        var kpiGoals = new List<KpiGoal>();
        foreach (var (goal, kpi) in kpiInputs)
        {
            var kept = goal.Id is { } id ? agreement.KpiGoals.FirstOrDefault(g => g.Id == id && g.Kpi == KpiCatalog.Of(kpi).Id) : null;
            if (kept is not null)
            {
                kpiGoals.Add(kept with { Target = goal.Target, TargetDate = goal.TargetDate });
                continue;
            }

            snapshot ??= await kpis.GetAsync(ct);
            var months = goal.BaselineMonths ?? KpiBaseline.DefaultMonths;
            var (baseline, from, to) = KpiBaseline.Capture(snapshot, m.MenteeId, kpi, day, months);
            kpiGoals.Add(new KpiGoal(Guid.CreateVersion7(), KpiCatalog.Of(kpi).Id, baseline, from, to, months, goal.Target, goal.TargetDate));
        }

        (agreement.KpiGoals, agreement.BehaviourGoals, agreement.ValueIds, agreement.Cadence, agreement.Terms) = (kpiGoals, behaviourGoals, valueIds, request.Cadence, terms);
        var changed = before is null || before != AgreementReader.ContentJson(agreement);
        if (changed && (agreement.MentorSignedAt is not null || agreement.MenteeSignedAt is not null))
        {
            // A change after a signature needs both signatures again; a fully signed revision is in the history already.
            if (AgreementReader.Signed(agreement)) agreement.Revision++;
            (agreement.MentorSignedAt, agreement.MenteeSignedAt, agreement.AcknowledgedAt, agreement.AcknowledgedById) = (null, null, null, null);
        }

        agreement.UpdatedAt = now;
        if (creating) db.Agreements.Add(agreement);
        else db.Entry(agreement).Property(a => a.Version).OriginalValue = request.Version;
        audit.Record(actor, "agreement.save", "mentorship", mentorshipId.ToString(), $"revision={agreement.Revision} kpiGoals={kpiGoals.Count} behaviourGoals={behaviourGoals.Count}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved first: a changed version, or the first save of the other side at the same moment (unique mentorship).
            return Error.StaleEdit("agreement");
        }

        return await AgreementReader.ViewAsync(db, m, agreement, role, actor, ct);
    }

    private async Task<Result<(List<(KpiGoalInput Goal, Kpi Kpi)>, List<BehaviourGoal>, List<Guid>, string)>> ValidateAsync(AgreementRequest r, CancellationToken ct)
    {
        var kpiInputs = r.KpiGoals ?? [];
        var behaviourInputs = r.BehaviourGoals ?? [];
        var valueIds = (r.ValueIds ?? []).Distinct().ToList();
        if (kpiInputs.Count > MaxGoals || behaviourInputs.Count > MaxGoals || valueIds.Count > MaxGoals)
        {
            return Error.Validation("agreement.too_many", $"At most {MaxGoals} goals of each kind and {MaxGoals} values.");
        }

        if (!Enum.IsDefined(r.Cadence)) return Error.Validation("agreement.cadence", "The cadence is Weekly, Fortnightly or Monthly.");
        var terms = TextRules.Read(r.Terms, "agreement.terms", "the confidentiality terms", TextRules.MaxText, required: true, multiline: true);
        if (!terms.IsSuccess) return terms.Error!;

        var kpis = new List<(KpiGoalInput, Kpi)>();
        foreach (var (goal, line) in kpiInputs.Select((g, i) => (g, i + 1)))
        {
            if (goal is null || KpiCatalog.FromId(goal.Kpi?.Trim() ?? "") is not { } kpi)
            {
                return Error.Validation("agreement.kpi", $"KPI goal {line}: choose a KPI from the catalog.");
            }

            if (goal.BaselineMonths is < 1 or > KpiBaseline.MaxMonths) return Error.Validation("agreement.baseline_months", $"KPI goal {line}: the baseline covers 1 to {KpiBaseline.MaxMonths} months.");
            if (goal.Target is < -1_000_000_000_000m or > 1_000_000_000_000m) return Error.Validation("agreement.target", $"KPI goal {line}: the target is out of range.");
            if (goal.TargetDate.Year is < 2000 or > 2100) return Error.Validation("agreement.target_date", $"KPI goal {line}: give a target date.");
            kpis.Add((goal, kpi));
        }

        var behaviourIds = behaviourInputs.Where(b => b is not null).Select(b => b.BehaviourId).ToList();
        var known = await db.Behaviours.AsNoTracking().Where(b => behaviourIds.Contains(b.Id) && !b.Archived).Select(b => b.Id).ToListAsync(ct);
        var behaviours = new List<BehaviourGoal>();
        foreach (var (goal, line) in behaviourInputs.Select((g, i) => (g, i + 1)))
        {
            if (goal is null || !known.Contains(goal.BehaviourId)) return Error.Validation("agreement.behaviour", $"Behaviour goal {line}: choose a behaviour from the catalog.");
            if (!Enum.IsDefined(goal.Level)) return Error.Validation("agreement.level", $"Behaviour goal {line}: choose the adoption level to reach.");
            behaviours.Add(new BehaviourGoal(goal.Id ?? Guid.Empty, goal.BehaviourId, goal.Level));
        }

        var knownValues = await db.CompanyValues.AsNoTracking().Where(v => valueIds.Contains(v.Id) && !v.Archived).CountAsync(ct);
        if (knownValues != valueIds.Count) return Error.Validation("agreement.value", "Choose the values to focus on from the catalog.");
        return (kpis, behaviours, valueIds, terms.Value!);
    }
}

/// <summary>
/// The mentor or the mentee signs the agreement as it is now (send the version read: signing something else is a
/// conflict). When both have signed, the revision is kept in the history and a mentorship in agreeing becomes active.
/// </summary>
public sealed class SignAgreement(SalesMentorDb db, Access access, TimeProvider clock, AuditLog audit)
{
    public async Task<Result<AgreementView>> HandleAsync(Actor actor, Guid mentorshipId, AgreementVersionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var m = await db.Mentorships.SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
        if (m is null) return Error.NotFound("mentorship");
        var role = await AgreementReader.RoleAsync(access, actor, m, ct);
        if (role == AgreementRole.Hidden) return Error.NotFound("mentorship");
        if (role != AgreementRole.Party) return Error.Forbidden("agreement.pair_only", "Only the mentor and the mentee sign their agreement.");
        if (m.Stage == MentorshipStage.Closed) return Error.Conflict("mentorship.ended", "This mentorship has ended: its agreement can no longer change.");
        var a = await db.Agreements.SingleOrDefaultAsync(x => x.MentorshipId == mentorshipId, ct);
        if (a is null) return Error.Conflict("agreement.empty", "Write the agreement first: there is nothing to sign yet.");
        if (a.KpiGoals.Count + a.BehaviourGoals.Count == 0) return Error.Conflict("agreement.no_goals", "Add at least one goal before signing.");
        if (a.Version != request.Version) return Error.StaleEdit("agreement");

        var now = clock.GetUtcNow().UtcDateTime;
        var asMentee = actor.PersonId == m.MenteeId;
        if ((asMentee ? a.MenteeSignedAt : a.MentorSignedAt) is not null) return Error.Conflict("agreement.signed", "You signed this revision already.");
        if (asMentee) a.MenteeSignedAt = now;
        else a.MentorSignedAt = now;
        db.Entry(a).Property(x => x.Version).OriginalValue = request.Version;
        if (AgreementReader.Signed(a))
        {
            db.AgreementRevisions.Add(new AgreementRevision
            {
                AgreementId = a.Id, Revision = a.Revision, ContentJson = AgreementReader.ContentJson(a), MentorSignedAt = a.MentorSignedAt!.Value, MenteeSignedAt = a.MenteeSignedAt!.Value,
            });
            if (m.Stage == MentorshipStage.Agreeing) m.Stage = MentorshipStage.Active;
        }

        audit.Record(actor, "agreement.sign", "mentorship", mentorshipId.ToString(), $"revision={a.Revision} side={(asMentee ? "mentee" : "mentor")}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.StaleEdit("agreement");
        }

        return await AgreementReader.ViewAsync(db, m, a, role, actor, ct);
    }
}

/// <summary>
/// Someone in the mentee's supervisor chain acknowledges the signed goals — the one thing a supervisor may do with
/// them. The pair and the program's managers get 403; everyone else 404.
/// </summary>
public sealed class AcknowledgeAgreement(SalesMentorDb db, Access access, TimeProvider clock, AuditLog audit)
{
    public async Task<Result<AgreementView>> HandleAsync(Actor actor, Guid mentorshipId, AgreementVersionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
        if (m is null) return Error.NotFound("mentorship");
        var role = await AgreementReader.RoleAsync(access, actor, m, ct);
        if (role == AgreementRole.Hidden) return Error.NotFound("mentorship");
        if (role != AgreementRole.Supervisor) return Error.Forbidden("agreement.supervisor_only", "Only the mentee's supervisors acknowledge the goals.");
        var a = await db.Agreements.SingleOrDefaultAsync(x => x.MentorshipId == mentorshipId, ct);
        if (a is null || !AgreementReader.Signed(a)) return Error.Conflict("agreement.unsigned", "The agreement is not signed by both yet.");
        if (a.Version != request.Version) return Error.StaleEdit("agreement");
        (a.AcknowledgedAt, a.AcknowledgedById) = (clock.GetUtcNow().UtcDateTime, actor.PersonId);
        db.Entry(a).Property(x => x.Version).OriginalValue = request.Version;
        audit.Record(actor, "agreement.acknowledge", "mentorship", mentorshipId.ToString(), $"revision={a.Revision}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.StaleEdit("agreement");
        }

        return await AgreementReader.ViewAsync(db, m, a, role, actor, ct);
    }
}
