using SalesMentor.App.Domain;

namespace SalesMentor.App.Features.Progress;

/// <summary>
/// Sessions and action items summed up at one moment. A session "without a log" is still scheduled after its end; an
/// action item of a session that was not cancelled is <c>done</c>, <c>overdue</c> (not done and its due day has passed)
/// or <c>open</c>.
/// </summary>
internal static class SessionProgress
{
    public static SessionsProgressView Of(IReadOnlyCollection<MentoringSession> sessions, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        int Count(SessionStatus status) => sessions.Count(s => s.Status == status);
        var scheduled = sessions.Where(s => s.Status == SessionStatus.Scheduled).ToList();
        var actions = sessions.Where(s => s.Status != SessionStatus.Cancelled).OrderBy(s => s.StartsAt)
            .SelectMany(s => s.ActionItems.Select(a => new ActionItemProgressView(a.Id, a.Text, a.Owner, a.DueOn, StateOf(a, today), s.StartsAt)))
            .ToList();
        return new SessionsProgressView(
            Count(SessionStatus.Held), Count(SessionStatus.Missed), Count(SessionStatus.Rescheduled), Count(SessionStatus.Cancelled),
            scheduled.Count(s => s.StartsAt >= now), scheduled.Count(s => Ended(s, now)),
            scheduled.Where(s => s.StartsAt >= now).Select(s => (DateTime?)s.StartsAt).Min(),
            sessions.Where(s => s.Status == SessionStatus.Held).Select(s => (DateTime?)s.StartsAt).Max(),
            actions.Count(a => a.State == "open"), actions.Count(a => a.State == "overdue"), actions.Count(a => a.State == "done"), actions);
    }

    private static bool Ended(MentoringSession s, DateTime now) => s.StartsAt.AddMinutes(s.DurationMinutes) < now;

    private static string StateOf(ActionItem a, DateOnly today) => a.Done ? "done" : a.DueOn < today ? "overdue" : "open";
}
