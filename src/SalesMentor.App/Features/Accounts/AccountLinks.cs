using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using SalesMentor.App.Domain;
using SalesMentor.App.Mail;

namespace SalesMentor.App.Features.Accounts;

/// <summary>One-time "set your password" links for invitations and resets, mailed to the person.</summary>
public sealed class AccountLinks(UserManager<AppUser> users, Mailer mailer, MailOptions mail)
{
    public const string SetPasswordPath = "/account/set-password";

    /// <summary>Queues the mail with a fresh one-time link; the caller commits it.</summary>
    public async Task SendAsync(AppUser user, string personName, AccountMail kind, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var root = (mail.PublicBaseUrl ?? baseUrl ?? "http://localhost:5000").TrimEnd('/');
        var link = $"{root}{SetPasswordPath}?user={user.Id}&token={encoded}";
        var (subject, body) = kind switch
        {
            AccountMail.Invitation => ("You are invited to SalesMentor",
                $"Hello {personName},\n\nAn account was created for you in SalesMentor. Choose your password here (the link works once and expires in 3 days):\n\n{link}\n\nIf you did not expect this, you can ignore this mail."),
            _ => ("Reset your SalesMentor password",
                $"Hello {personName},\n\nA password reset was requested for your SalesMentor account. Choose a new password here (the link works once and expires in 3 days):\n\n{link}\n\nIf you did not ask for this, tell your SalesMentor admin; your current password keeps working."),
        };
        mailer.Enqueue(user.Email!, personName, subject, body, kind == AccountMail.Invitation ? "invitation" : "password-reset");
    }

    /// <summary>Tells the person, by mail, what was done to their account and by whom.</summary>
    public void Notify(AppUser user, string personName, string what, string byWhom) =>
        mailer.Enqueue(user.Email!, personName, "A change to your SalesMentor account",
            $"Hello {personName},\n\n{what} by {byWhom}.\n\nIf this is unexpected, contact your SalesMentor admin.", "account-notice");

    /// <summary>Decodes the token from a link; null when it was tampered with.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public enum AccountMail { Invitation, PasswordReset }
