using SalesMentor.App.Mail;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// The program's mail: invitations to rate, reminders, proposals published, answers. Names of people and programs
/// only; never gaps, ratings, reasons or any answer someone typed.
/// </summary>
public sealed class ProgramMail(Mailer mailer, MailOptions options)
{
    public void RatingInvitation(string to, string raterName, string subjectName, string programName, bool supervisor, Guid invitation) =>
        mailer.Enqueue(to, raterName, $"Please rate {subjectName} for {programName}",
            $"Hello {raterName},\n\n{subjectName} enrolled in the mentorship program {programName} as a " + (supervisor ? "mentee" : "mentor") + ". " +
            (supervisor ? "As their supervisor, please rate them on the qualities of a good mentee." : "Please rate them, anonymously, on the qualities of a good mentor.") +
            $" It takes two minutes.\n\n{Where($"/ratings/{invitation}")}", "rating-invitation");

    public void RatingReminder(string to, string raterName, string subjectName, string programName, Guid invitation) =>
        mailer.Enqueue(to, raterName, $"Reminder: please rate {subjectName} for {programName}",
            $"Hello {raterName},\n\nA reminder: your rating of {subjectName} for the mentorship program {programName} is still open.\n\n{Where($"/ratings/{invitation}")}", "rating-reminder");

    public void ProposalPublished(string to, string name, string otherName, string programName, bool asMentee) =>
        mailer.Enqueue(to, name, $"Your proposed {(asMentee ? "mentor" : "mentee")} in {programName}",
            $"Hello {name},\n\nThe mentorship program {programName} proposes {otherName} as your {(asMentee ? "mentor" : "mentee")}. " +
            $"Please accept or decline.\n\n{Where("/me/mentoring")}", "proposal");

    public void ProposalDeclined(string to, string name, string programName) =>
        mailer.Enqueue(to, name, $"A proposed pair in {programName} was declined",
            $"Hello {name},\n\nThe other side declined your proposed pair in the mentorship program {programName}. The program's coordinators will propose someone else.\n\n{Where("/me/mentoring")}", "proposal");

    public void MentorshipStarted(string to, string name, string otherName, string programName) =>
        mailer.Enqueue(to, name, $"Your mentorship with {otherName} starts",
            $"Hello {name},\n\nYou and {otherName} both accepted: your mentorship in {programName} starts with your agreement.\n\n{Where("/me/mentoring")}", "mentorship");

    private string Where(string path) => options.PublicBaseUrl is { Length: > 0 } root
        ? $"Open: {root.TrimEnd('/')}{path}"
        : "Sign in to SalesMentor and open My mentoring.";
}
