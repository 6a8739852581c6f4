using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Notes;

/// <summary>A private note as its author reads it.</summary>
public sealed record PrivateNoteView(Guid Id, Guid MentorshipId, string Text, DateTime CreatedAt, DateTime UpdatedAt, int Version);

/// <summary>The caller's own private notes of a mentorship, newest first; whether they may still add.</summary>
public sealed record PrivateNotesView(Guid MentorshipId, bool ReadOnly, IReadOnlyList<PrivateNoteView> Notes);

public sealed record PrivateNoteRequest(string? Text, int Version = 0);

internal static class PrivateNoteRules
{
    public const string Field = "note.text";

    public static Result<string?> Text(string? text) => TextRules.Read(text, "note.text", "the note", TextRules.MaxText, required: true, multiline: true);

    public static PrivateNoteView View(PrivateNote n, ConfidentialCipher cipher) =>
        new(n.Id, n.MentorshipId, cipher.Open(n.SealedText, n.Id, Field), n.CreatedAt, n.UpdatedAt, n.Version);

    /// <summary>The note when the actor wrote it; anyone else's note is missing (404), whoever asks.</summary>
    public static async Task<PrivateNote?> LoadOwnAsync(SalesMentorDb db, Actor actor, Guid id, CancellationToken ct) =>
        actor.Kind != ActorKind.User || actor.PersonId is not { } me ? null
            : await db.PrivateNotes.SingleOrDefaultAsync(n => n.Id == id && n.AuthorId == me, ct);
}

/// <summary>
/// The caller's own private notes of a mentorship (the mentor's or the mentee's; a former mentor keeps theirs).
/// Nobody else reads them — not the other side, not the supervisor, not the admin: 404.
/// </summary>
public sealed class ListPrivateNotes(SalesMentorDb db, Access access, ConfidentialCipher cipher)
{
    public async Task<Result<PrivateNotesView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadAsPartyAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        var me = actor.PersonId!.Value;
        var notes = await db.PrivateNotes.AsNoTracking().Where(n => n.MentorshipId == mentorshipId && n.AuthorId == me).ToListAsync(ct);
        return new PrivateNotesView(mentorshipId, pair.ReadOnly,
            [.. notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(n => PrivateNoteRules.View(n, cipher))]);
    }
}

/// <summary>Adds a private note, sealed at rest, while the mentorship runs.</summary>
public sealed class AddPrivateNote(SalesMentorDb db, Access access, ConfidentialCipher cipher, TimeProvider clock)
{
    public async Task<Result<PrivateNoteView>> HandleAsync(Actor actor, Guid mentorshipId, PrivateNoteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = await access.LoadAsPartyAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        if (pair.ReadOnly) return Error.Conflict("mentorship.ended", "This mentorship has ended: your notes can be read, not added to.");
        var text = PrivateNoteRules.Text(request.Text);
        if (!text.IsSuccess) return text.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var note = new PrivateNote { MentorshipId = mentorshipId, AuthorId = actor.PersonId!.Value, CreatedAt = now, UpdatedAt = now };
        note.SealedText = cipher.Seal(text.Value!, note.Id, PrivateNoteRules.Field);
        db.PrivateNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return PrivateNoteRules.View(note, cipher);
    }
}

/// <summary>Rewrites one's own private note (send the version read: a stale edit is a conflict).</summary>
public sealed class EditPrivateNote(SalesMentorDb db, ConfidentialCipher cipher, TimeProvider clock)
{
    public async Task<Result<PrivateNoteView>> HandleAsync(Actor actor, Guid id, PrivateNoteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = await PrivateNoteRules.LoadOwnAsync(db, actor, id, ct);
        if (note is null) return Error.NotFound("note");
        var text = PrivateNoteRules.Text(request.Text);
        if (!text.IsSuccess) return text.Error!;
        db.Entry(note).Property(n => n.Version).OriginalValue = request.Version;
        note.SealedText = cipher.Seal(text.Value!, note.Id, PrivateNoteRules.Field);
        note.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("note");
        }

        return PrivateNoteRules.View(note, cipher);
    }
}

/// <summary>Deletes one's own private note (with the version read).</summary>
public sealed class DeletePrivateNote(SalesMentorDb db)
{
    public async Task<Result<Done>> HandleAsync(Actor actor, Guid id, int version, CancellationToken ct)
    {
        var note = await PrivateNoteRules.LoadOwnAsync(db, actor, id, ct);
        if (note is null) return Error.NotFound("note");
        db.Entry(note).Property(n => n.Version).OriginalValue = version;
        db.PrivateNotes.Remove(note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("note");
        }

        return Done.Value;
    }
}
