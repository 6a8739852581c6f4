using SalesMentor.App.Mail;

namespace SalesMentor.App.Features.Confidential;

/// <summary>
/// The only mail the confidential space sends: "you have a new message". Never the text, its kind or its status —
/// only that something is waiting, and where to sign in.
/// </summary>
public sealed class ConfidentialMail(Mailer mailer, MailOptions options)
{
    public void NewMessage(string to, string name, Guid mentorshipId) =>
        mailer.Enqueue(to, name, "You have a new message in your mentorship",
            $"Hello {name},\n\nYou have a new message in your mentorship's confidential space. " +
            "For your privacy this mail does not carry it; sign in to read it.\n\n" +
            (options.PublicBaseUrl is { Length: > 0 } root ? $"Open: {root.TrimEnd('/')}/mentorships/{mentorshipId}" : "Sign in to SalesMentor and open My mentoring."),
            "confidential");
}
