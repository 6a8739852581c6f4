using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Security;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Confidential;

/// <summary>
/// Opens concerns and their replies for one of the pair, and writes one audit event per concern read (who, when,
/// which concern — never the text). The only place confidential text is decrypted for reading.
/// </summary>
internal static class ConcernReader
{
    public const string TextField = "concern.text";
    public const string ReplyField = "concern.reply";
    public const string ReadAction = "concern.read";
    public const string ResourceType = "concern";

    public static async Task<List<ConcernView>> ReadAsync(
        SalesMentorDb db, ConfidentialCipher cipher, AuditLog audit, Actor actor, IReadOnlyList<Concern> concerns, CancellationToken ct)
    {
        var ids = concerns.Select(c => c.Id).ToList();
        var replies = await db.ConcernReplies.AsNoTracking().Where(r => ids.Contains(r.ConcernId)).ToListAsync(ct);
        var peopleIds = concerns.Select(c => c.RaisedById).Concat(replies.Select(r => r.AuthorId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => peopleIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        PersonRef Ref(PersonId id) => new(id, names.GetValueOrDefault(id, "someone"));
        var byConcern = replies.ToLookup(r => r.ConcernId);
        var views = new List<ConcernView>(concerns.Count);
        foreach (var c in concerns)
        {
            audit.Record(actor, ReadAction, ResourceType, c.Id.ToString());
            views.Add(new ConcernView(c.Id, c.MentorshipId, c.Kind, c.Status, cipher.Open(c.SealedText, c.Id, TextField), Ref(c.RaisedById), c.CreatedAt, c.UpdatedAt,
                [.. byConcern[c.Id].OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new ConcernReplyView(r.Id, Ref(r.AuthorId), cipher.Open(r.SealedText, r.Id, ReplyField), r.CreatedAt))],
                c.Version));
        }

        await db.SaveChangesAsync(ct);
        return views;
    }

    /// <summary>The concern and the caller's access to its mentorship; null when either is missing or hidden.</summary>
    public static async Task<(Concern Concern, PairAccess Pair)?> LoadAsync(SalesMentorDb db, Access access, Actor actor, Guid concernId, bool tracking, CancellationToken ct)
    {
        var query = db.Concerns.Where(c => c.Id == concernId);
        var concern = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (concern is null) return null;
        var pair = await access.LoadConfidentialAsync(actor, concern.MentorshipId, ct);
        return pair is null ? null : (concern, pair);
    }

    public static Result<string?> Text(string? text) =>
        TextRules.Read(text, "concern.text", "the text", TextRules.MaxText, required: true, multiline: true);

    public static Error Ended() => Error.Conflict("mentorship.ended", "This mentorship has ended: its confidential space can be read, not written.");

    /// <summary>Tells the other side of the pair that a message is waiting (no text in the mail).</summary>
    public static async Task TellOtherSideAsync(SalesMentorDb db, ConfidentialMail mail, PairAccess pair, CancellationToken ct)
    {
        var other = pair.Side == PairSide.Mentee ? pair.Mentorship.MentorId : pair.Mentorship.MenteeId;
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == other, ct);
        if (person?.Email is { Length: > 0 } email) mail.NewMessage(email, person.Name, pair.Mentorship.Id);
    }
}
