using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;

namespace SalesMentor.Web.Security;

/// <summary>
/// Security-stamp checks of sign-in cookies that passed, kept per instance by account and stamp together with the
/// principal they produced. A kept check is reused only while the <see cref="ChangeCounters.Tokens"/> counter is
/// unchanged — raised by every write to the accounts, their roles and claims, and to a person's name, deletion or
/// leaving date, whoever writes — so it answers exactly what the full check would: the same account, stamp, disabled
/// flag, roles, claims and name. Accounts whose person has a leaving date are never kept (that date arrives by the
/// clock, not by a write). Nothing read inside a transaction is kept.
/// </summary>
public sealed class KeptStampChecks
{
    /// <summary>More accounts than this in one version start the store over (bounds its memory).</summary>
    private const int MaxEntries = 10_000;

    internal sealed record Check(AppUser User, ClaimsPrincipal Principal);

    private readonly CountedMap<(string User, string Stamp), Check> _checks = new(MaxEntries);

    internal Check? Find(string database, long version, string user, string stamp) =>
        _checks.TryGet(database, version, (user, stamp), out var check) ? check : null;

    internal void Keep(string database, long version, string user, string stamp, Check check) =>
        _checks.Keep(database, version, (user, stamp), check);
}

/// <summary>
/// Identity's security-stamp validator with <see cref="KeptStampChecks"/>: when the interval has passed, a cookie whose
/// account and stamp were checked since the last write to what the check reads gets the principal of that check (and a
/// renewed cookie, as after a full check) without reading the account, its roles, claims and person again.
/// </summary>
public sealed class KeptSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger,
    KeptStampChecks kept, ChangeCounterReader counters, SalesMentorDb db)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    private (string Database, long Version, string User, string Stamp)? _checking;
    private KeptStampChecks.Check? _found;

    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = principal is null ? null : SignInManager.UserManager.GetUserId(principal);
        var stamp = principal?.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || stamp is null || db.Database.CurrentTransaction is not null) return await base.VerifySecurityStamp(principal);

        // The counter first, then the check: a write between the two only makes the next request check again.
        var database = db.Database.GetConnectionString() ?? "";
        var version = await counters.ReadAsync(db, ChangeCounters.Tokens, default);
        _found = kept.Find(database, version, user, stamp);
        if (_found is not null) return _found.User;
        _checking = (database, version, user, stamp);
        return await base.VerifySecurityStamp(principal);
    }

    protected override async Task SecurityStampVerified(AppUser user, CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_found is { } found)
        {
            // What Identity does after a full check, with the principal that check produced.
            context.ReplacePrincipal(found.Principal.Clone());
            context.ShouldRenew = true;
            if (!context.Options.SlidingExpiration) context.Properties.IssuedUtc = TimeProvider.GetUtcNow();
            return;
        }

        await base.SecurityStampVerified(user, context);
        if (_checking is not { } checking || context.Principal is null) return;
        var leaves = await db.People.AsNoTracking().Where(p => p.Id == user.PersonId).Select(p => p.LeftOn).SingleOrDefaultAsync();
        if (leaves is null) kept.Keep(checking.Database, checking.Version, checking.User, checking.Stamp, new(user, context.Principal.Clone()));
    }
}
