using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace SalesMentor.App.Security;

/// <summary>
/// Sign-in hardening (configuration section <c>Security</c>). Defaults follow current guidance:
/// long passwords without composition rules, lockout after repeated failures, and a login rate
/// limit per client address (per instance when several run).
/// </summary>
public sealed class SecurityOptions
{
    public int MinimumPasswordLength { get; set; } = 12;
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public double LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts allowed per client address per <see cref="LoginRateWindowSeconds"/>.</summary>
    public int LoginRatePermitLimit { get; set; } = 10;
    public double LoginRateWindowSeconds { get; set; } = 60;

    /// <summary>How often a signed-in session re-checks that its account is unchanged, in seconds.</summary>
    public double SecurityStampCheckSeconds { get; set; } = 60;

    /// <summary>
    /// <c>Authentication:LocalPasswords:Enabled</c> (default true). Off, nobody signs in with a
    /// password and no password is set or reset: people use the company sign-in (OpenID Connect).
    /// </summary>
    public bool LocalPasswordsEnabled { get; set; } = true;

    /// <summary>The refusal when <see cref="LocalPasswordsEnabled"/> is off.</summary>
    public const string LocalPasswordsOff = "Passwords are switched off here: sign in with the company sign-in.";

    public static SecurityOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SecurityOptions();
        configuration.GetSection("Security").Bind(options);
        options.LocalPasswordsEnabled = configuration.GetValue("Authentication:LocalPasswords:Enabled", true);
        return options;
    }

    public void Apply(IdentityOptions identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.Password.RequiredLength = MinimumPasswordLength;
        identity.Password.RequireDigit = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Password.RequiredUniqueChars = 1;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
        identity.User.RequireUniqueEmail = true;
        identity.User.AllowedUserNameCharacters = "";
        identity.SignIn.RequireConfirmedAccount = false;
    }
}
