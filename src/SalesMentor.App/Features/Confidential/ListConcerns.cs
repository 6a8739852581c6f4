using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Confidential;

/// <summary>
/// The confidential space of a mentorship, for its mentee and its mentor only: every concern with its thread, newest
/// first. Each concern shown is a read in the audit log. Anyone else — supervisor, admin, a later or former mentor —
/// gets 404, exactly like a mentorship that does not exist.
/// </summary>
public sealed class ListConcerns(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit)
{
    public async Task<Result<ConfidentialSpaceView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null) return Error.NotFound("mentorship");
        var concerns = await db.Concerns.AsNoTracking().Where(c => c.MentorshipId == mentorshipId).ToListAsync(ct);
        concerns = [.. concerns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)];
        var views = await ConcernReader.ReadAsync(db, cipher, audit, actor, concerns, ct);
        return new ConfidentialSpaceView(mentorshipId, pair.Side.ToString().ToLowerInvariant(), pair.ReadOnly, views);
    }
}

/// <summary>One concern with its thread, for the pair only (404 for everyone else); the read is audited.</summary>
public sealed class GetConcern(SalesMentorDb db, Access access, ConfidentialCipher cipher, AuditLog audit)
{
    public async Task<Result<ConcernView>> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (await ConcernReader.LoadAsync(db, access, actor, id, tracking: false, ct) is not { } loaded) return Error.NotFound("concern");
        return (await ConcernReader.ReadAsync(db, cipher, audit, actor, [loaded.Concern], ct))[0];
    }
}
