using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ProgramMetrics;

/// <summary>
/// The monthly summary mail to every active admin: each program past draft with its health numbers, and the total.
/// Idempotent per month and admin (the outbox category carries the month), so a scheduler may call it more than once.
/// The mail holds counts and rates only — nothing confidential. The system actor (the scheduler) or an admin may run it.
/// </summary>
public sealed class SendProgramSummaries(SalesMentorDb db, GetProgramMetrics metrics, Mailer mailer, OrgClock clock)
{
    /// <summary>Outbox category prefix; the month (yyyy-MM) follows.</summary>
    public const string Category = "program-summary:";

    /// <returns>The number of mails queued (0 when every admin already has this month's).</returns>
    public async Task<Result<int>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin) return Error.Forbidden("summary.admin_only", "Only an admin or the scheduler sends the monthly summary.");
        var today = await clock.TodayAsync(ct);
        var month = $"{today.AddMonths(-1):yyyy-MM}";
        var category = Category + month;
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var admins = await db.Users.Where(u => !u.IsDisabled && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole))
            .Select(u => new { Email = u.Email!, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() }).ToListAsync(ct);
        var sent = (await db.Outbox.Where(o => o.Category == category).Select(o => o.ToAddress).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var due = admins.Where(a => !sent.Contains(a.Email)).ToList();
        if (due.Count == 0) return 0;

        var body = await BodyAsync(month, ct);
        foreach (var admin in due) mailer.Enqueue(admin.Email, admin.Name, $"Mentoring programs: summary for {month}", body, category);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task<string> BodyAsync(string month, CancellationToken ct)
    {
        var text = CultureInfo.InvariantCulture;
        var programs = await db.Programs.AsNoTracking().Where(p => p.Status != ProgramStatus.Draft).OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
        var body = new StringBuilder().Append(text, $"Mentoring programs at the end of {month}.\n\n");
        foreach (var id in programs.Cast<Guid?>().Append(null))
        {
            var view = (await metrics.HandleAsync(Actor.System, id, ct)).Value;
            body.Append(text, $"{view.Name}\n")
                .Append(text, $"  enrolled: {view.MentorsEnrolled} mentors, {view.MenteesEnrolled} mentees; matched {view.MenteesMatched}{Percent(view.MatchRate)}\n")
                .Append(text, $"  running pairs: {view.RunningPairs}, with a session in the last 30 days: {view.ActivePairs}\n")
                .Append(text, $"  sessions per pair per month: {view.SessionsPerPairMonth?.ToString("0.0", text) ?? "–"}\n")
                .Append(text, $"  KPI goals on track: {view.GoalsOnTrack} of {view.GoalsMeasured}\n")
                .Append(text, $"  behaviour adoption (consistent or above): {(view.AdoptionRate is { } a ? $"{a * 100:0} % of {view.BehaviourGoals} goals" : "–")}; pairs at risk: {view.PairsAtRisk}\n")
                .Append(text, $"  mentor load: average {view.AverageMentorLoad?.ToString("0.0", text) ?? "–"}, largest {view.MaxMentorLoad}, over capacity {view.MentorsOverCapacity}\n\n");
        }

        return body.Append("Open SalesMentor for the charts, the pairs at risk and the impact of each program.\n").ToString();

        static string Percent(double? rate) => rate is { } r ? $" ({r:P0})".Replace("\u00a0", " ", StringComparison.Ordinal) : "";
    }
}
