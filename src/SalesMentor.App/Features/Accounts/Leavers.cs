using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Accounts;

/// <summary>
/// Whether the person behind an account has left the organization: a left-on date on or before today (in the
/// organization's time zone; left-on is the first day away). Someone who has left signs in no more — not with a
/// password, not through the company sign-in, not with a cookie from before, not with an API token — while their
/// history stays. Setting the date back to empty (or into the future) lets them in again.
/// </summary>
public sealed class Leavers(SalesMentorDb db, OrgClock clock)
{
    /// <summary>The message every refused sign-in of a leaver shows.</summary>
    public const string Message = "This person has left the organization, so their SalesMentor account no longer signs in. Contact your SalesMentor admin if this is wrong.";

    /// <summary>The day <paramref name="person"/> left, when it is today or before; null for someone still here.</summary>
    public async Task<DateOnly?> LeftAsync(PersonId person, CancellationToken ct)
    {
        var left = await db.People.AsNoTracking().Where(p => p.Id == person).Select(p => p.LeftOn).SingleOrDefaultAsync(ct);
        return left is { } day && day <= await clock.TodayAsync(ct) ? day : null;
    }
}
