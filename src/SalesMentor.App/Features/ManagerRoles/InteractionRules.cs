using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.Impact;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>
/// The rules of the interaction log (DESIGN.md: "manager's interaction log by role"): the rep sees role, date and topic;
/// the manager and everyone above them, and admins, see the entry; only the author reads the private note.
/// </summary>
internal static class InteractionRules
{
    public const int MaxTopic = 200;
    public const int MaxNote = 2000;
    public const int MaxMinutes = 24 * 60;

    /// <summary>What the actor may see of an entry: nothing (null), the rep's view, or the full entry (note only for the author).</summary>
    public static InteractionView? View(Actor actor, ManagerInteraction i, Hierarchy tree, IReadOnlyDictionary<PersonId, string> names)
    {
        var me = actor.PersonId;
        var isAuthor = me is not null && i.AuthorId == me;
        var full = actor.IsAdmin || isAuthor || (me is { } m && (m == i.ManagerId || tree.IsAbove(m, i.ManagerId)));
        var name = (PersonId id) => names.TryGetValue(id, out var n) ? n : "";
        if (full)
        {
            return new InteractionView(i.Id, i.ManagerId, name(i.ManagerId), i.RepId, name(i.RepId), i.Date, i.Role, i.Minutes, i.Topic,
                isAuthor ? i.PrivateNote : null, isAuthor || (i.AuthorId is null && actor.IsAdmin), i.Version);
        }

        if (me == i.RepId)
        {
            return new InteractionView(i.Id, i.ManagerId, name(i.ManagerId), i.RepId, name(i.RepId), i.Date, i.Role, null, i.Topic, null, false, i.Version);
        }

        return null;
    }

    /// <summary>Only the author edits or deletes an entry; an entry without an author (imported by the operator) is the admins'.</summary>
    public static bool CanChange(Actor actor, ManagerInteraction i) =>
        actor.PersonId is { } me ? i.AuthorId == me : actor.IsAdmin && i.AuthorId is null;

    /// <summary>Whether the actor may log an interaction of <paramref name="manager"/> with <paramref name="rep"/>.</summary>
    public static bool MayLog(Actor actor, PersonId manager, PersonId rep, Hierarchy tree) =>
        manager != rep && (actor.IsAdmin || (actor.PersonId == manager && tree.IsAbove(manager, rep)));

    /// <summary>Checks the fields a person types; null when they are fine.</summary>
    public static Error? Check(DateOnly date, ManagerRole role, int minutes, string? topic, string? note, DateOnly today)
    {
        if (!Enum.IsDefined(role)) return Error.Validation("interaction.role", "The role is supervisor, coach, trainer or mentor.");
        if (minutes is < 1 or > MaxMinutes) return Error.Validation("interaction.minutes", "Minutes are a whole number from 1 to 1440.");
        if (date > today) return Error.Validation("interaction.date", "The date is today or earlier: log what happened.");
        if (date < new DateOnly(2000, 1, 1)) return Error.Validation("interaction.date", "The date is too far in the past.");
        var t = topic?.Trim() ?? "";
        if (t.Length is 0 or > MaxTopic) return Error.Validation("interaction.topic", "Give a topic of 1 to 200 characters.");
        // PostgreSQL refuses NUL in text, and a lone surrogate cannot be stored as UTF-8.
        if (t.Any(char.IsControl) || !TextFold.IsWellFormed(t)) return Error.Validation("interaction.topic", "The topic contains control characters or broken Unicode.");
        if (note is not null)
        {
            if (note.Length > MaxNote) return Error.Validation("interaction.note", "The private note has at most 2,000 characters.");
            if (note.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || !TextFold.IsWellFormed(note))
                return Error.Validation("interaction.note", "The private note contains control characters or broken Unicode.");
        }

        return null;
    }

    public static string? CleanNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    public static async Task<Dictionary<PersonId, string>> NamesAsync(SalesMentorDb db, IEnumerable<PersonId> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => set.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    public static async Task<InteractionView> ViewAsync(SalesMentorDb db, Access access, Actor actor, ManagerInteraction i, CancellationToken ct) =>
        View(actor, i, await access.HierarchyAsync(ct), await NamesAsync(db, [i.ManagerId, i.RepId], ct))!;
}
