using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Features.Agreements;

/// <summary>What an actor is to a mentorship's agreement.</summary>
internal enum AgreementRole { Hidden, Party, Supervisor, Viewer }

/// <summary>Loads an agreement with its mentorship, decides the caller's role, and builds the view.</summary>
internal static class AgreementReader
{
    public const string DefaultTerms =
        "What we say to each other stays between us. Concerns raised in the confidential space are read by the two of us only. " +
        "Our goals and progress are visible to the mentee's supervisor and the program's admins.";

    public static async Task<AgreementRole> RoleAsync(Access access, Actor actor, Mentorship m, CancellationToken ct)
    {
        if (!await access.CanSeeMentorshipAsync(actor, m, ct)) return AgreementRole.Hidden;
        if (actor.Kind == ActorKind.User && (actor.PersonId == m.MenteeId || actor.PersonId == m.MentorId)) return AgreementRole.Party;
        if (actor.PersonId is { } me && (await access.HierarchyAsync(ct)).IsAbove(me, m.MenteeId)) return AgreementRole.Supervisor;
        return AgreementRole.Viewer;
    }

    public static bool Signed(Agreement a) => a.MentorSignedAt is not null && a.MenteeSignedAt is not null;

    public static async Task<AgreementView> ViewAsync(SalesMentorDb db, Mentorship m, Agreement? a, AgreementRole role, Actor actor, CancellationToken ct)
    {
        a ??= new Agreement { MentorshipId = m.Id, Terms = await DefaultTermsAsync(db, m, ct), Revision = 1 };
        var behaviourIds = a.BehaviourGoals.Select(g => g.BehaviourId).ToList();
        var behaviours = await db.Behaviours.AsNoTracking().Where(b => behaviourIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var values = await db.CompanyValues.AsNoTracking().Where(v => a.ValueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var history = await db.AgreementRevisions.AsNoTracking().Where(r => r.AgreementId == a.Id).OrderByDescending(r => r.Revision)
            .Select(r => new AgreementRevisionView(r.Revision, r.MentorSignedAt, r.MenteeSignedAt)).ToListAsync(ct);
        PersonRef? acknowledgedBy = null;
        if (a.AcknowledgedById is { } by)
        {
            acknowledgedBy = new PersonRef(by, await db.People.Where(p => p.Id == by).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? "someone");
        }

        var party = role == AgreementRole.Party && m.Stage != MentorshipStage.Closed;
        var mine = actor.PersonId == m.MenteeId ? a.MenteeSignedAt : a.MentorSignedAt;
        return new AgreementView(
            m.Id, m.Stage,
            [.. a.KpiGoals.Select(g => new KpiGoalView(g.Id, g.Kpi, KpiCatalog.FromId(g.Kpi) is { } k ? KpiCatalog.Of(k).Name : g.Kpi, g.Baseline, g.BaselineFrom, g.BaselineTo,
                g.BaselineMonths, g.Target, g.TargetDate))],
            [.. a.BehaviourGoals.Select(g => new BehaviourGoalView(g.Id, g.BehaviourId, behaviours.GetValueOrDefault(g.BehaviourId, "(removed)"), g.Level))],
            [.. a.ValueIds.Where(values.ContainsKey).Select(v => new ValueRef(v, values[v]))],
            a.Cadence, a.Terms, a.Revision, a.MentorSignedAt, a.MenteeSignedAt, Signed(a), a.AcknowledgedAt, acknowledgedBy, history,
            CanEdit: party, CanSign: party && a.Version > 0 && mine is null,
            CanAcknowledge: role == AgreementRole.Supervisor && Signed(a) && a.AcknowledgedAt is null, a.Version);
    }

    /// <summary>The terms a new agreement starts with: its program's default, else the built-in text.</summary>
    public static async Task<string> DefaultTermsAsync(SalesMentorDb db, Mentorship m, CancellationToken ct) =>
        (m.ProgramId is { } program ? await db.Programs.AsNoTracking().Where(p => p.Id == program).Select(p => p.DefaultTerms).SingleOrDefaultAsync(ct) : null)
        ?? DefaultTerms;

    /// <summary>The content a signature covers, as JSON (goals, values, cadence, terms).</summary>
    public static string ContentJson(Agreement a) => JsonSerializer.Serialize(
        new { a.KpiGoals, a.BehaviourGoals, a.ValueIds, a.Cadence, a.Terms }, JsonSerializerOptions.Web);
}
