using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Confidential;

/// <summary>
/// The mentee raises a concern or a self-assessed shortcoming. The text is sealed before it reaches the database; the
/// mentor is told by mail that a message is waiting, without the text. The mentor may reply but not raise (403).
/// </summary>
public sealed class RaiseConcern(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit, ConfidentialMail mail, TimeProvider clock)
{
    public async Task<Result<ConcernView>> HandleAsync(Actor actor, Guid mentorshipId, RaiseConcernRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        if (pair.Side != PairSide.Mentee) return Error.Forbidden("concern.mentee_only", "Only the mentee raises concerns; reply to one instead.");
        if (pair.ReadOnly) return ConcernReader.Ended();
        if (!Enum.IsDefined(request.Kind)) return Error.Validation("concern.kind", "Choose a concern or a shortcoming.");
        var text = ConcernReader.Text(request.Text);
        if (!text.IsSuccess) return text.Error!;

        var now = clock.GetUtcNow().UtcDateTime;
        var concern = new Concern
        {
            MentorshipId = mentorshipId, RaisedById = actor.PersonId!.Value, Kind = request.Kind, Status = ConcernStatus.Open, CreatedAt = now, UpdatedAt = now,
        };
        concern.SealedText = cipher.Seal(text.Value!, concern.Id, ConcernReader.TextField);
        db.Concerns.Add(concern);
        audit.Record(actor, "concern.raise", ConcernReader.ResourceType, concern.Id.ToString());
        await ConcernReader.TellOtherSideAsync(db, mail, pair, ct);
        await db.SaveChangesAsync(ct);
        return (await ConcernReader.ReadAsync(db, cipher, audit, actor, [concern], ct))[0];
    }
}

/// <summary>The mentee rewrites their own concern (send the version read: a stale edit is a conflict, never lost).</summary>
public sealed class EditConcern(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ConcernView>> HandleAsync(Actor actor, Guid id, EditConcernRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ConcernReader.LoadAsync(db, access, actor, id, tracking: true, ct) is not { } loaded) return Error.NotFound("concern");
        var (concern, pair) = loaded;
        if (concern.RaisedById != actor.PersonId) return Error.Forbidden("concern.author_only", "Only the mentee who raised a concern changes its text.");
        if (pair.ReadOnly) return ConcernReader.Ended();
        if (!Enum.IsDefined(request.Kind)) return Error.Validation("concern.kind", "Choose a concern or a shortcoming.");
        var text = ConcernReader.Text(request.Text);
        if (!text.IsSuccess) return text.Error!;

        db.Entry(concern).Property(c => c.Version).OriginalValue = request.Version;
        concern.Kind = request.Kind;
        concern.SealedText = cipher.Seal(text.Value!, concern.Id, ConcernReader.TextField);
        concern.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "concern.edit", ConcernReader.ResourceType, concern.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("concern");
        }

        return (await ConcernReader.ReadAsync(db, cipher, audit, actor, [concern], ct))[0];
    }
}

/// <summary>Either of the pair moves a concern between open, discussed and resolved (with the version read).</summary>
public sealed class SetConcernStatus(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ConcernView>> HandleAsync(Actor actor, Guid id, ConcernStatusRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ConcernReader.LoadAsync(db, access, actor, id, tracking: true, ct) is not { } loaded) return Error.NotFound("concern");
        var (concern, pair) = loaded;
        if (pair.ReadOnly) return ConcernReader.Ended();
        if (!Enum.IsDefined(request.Status)) return Error.Validation("concern.status", "The status is open, discussed or resolved.");

        db.Entry(concern).Property(c => c.Version).OriginalValue = request.Version;
        concern.Status = request.Status;
        concern.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "concern.status", ConcernReader.ResourceType, concern.Id.ToString(), $"status={request.Status}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("concern");
        }

        return (await ConcernReader.ReadAsync(db, cipher, audit, actor, [concern], ct))[0];
    }
}

/// <summary>The mentor (or the mentee) answers in a concern's thread; the other side is told by mail, without the text.</summary>
public sealed class ReplyToConcern(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit, ConfidentialMail mail, TimeProvider clock)
{
    public async Task<Result<ConcernView>> HandleAsync(Actor actor, Guid id, ReplyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ConcernReader.LoadAsync(db, access, actor, id, tracking: false, ct) is not { } loaded) return Error.NotFound("concern");
        var (concern, pair) = loaded;
        if (pair.ReadOnly) return ConcernReader.Ended();
        var text = TextRules.Read(request.Text, "reply.text", "the reply", TextRules.MaxText, required: true, multiline: true);
        if (!text.IsSuccess) return text.Error!;

        var replyId = Guid.CreateVersion7();
        db.ConcernReplies.Add(new ConcernReply
        {
            Id = replyId, ConcernId = concern.Id, AuthorId = actor.PersonId!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime,
            SealedText = cipher.Seal(text.Value!, replyId, ConcernReader.ReplyField),
        });
        audit.Record(actor, "concern.reply", ConcernReader.ResourceType, concern.Id.ToString());
        await ConcernReader.TellOtherSideAsync(db, mail, pair, ct);
        await db.SaveChangesAsync(ct);
        return (await ConcernReader.ReadAsync(db, cipher, audit, actor, [concern], ct))[0];
    }
}
