using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.Core.People;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>
/// Whether a mentor may be matched: a manager's override decides when there is one; otherwise a program that
/// requires proven stars takes only those the star rule marks as stars (the KPI cache's verdicts). Mentees are
/// always eligible.
/// </summary>
internal static class Eligibility
{
    public static StarVerdict? VerdictOf(KpiSnapshot snapshot, PersonId person)
    {
        var index = snapshot.IndexOf(person);
        return index < 0 ? null : snapshot.Stars.Verdicts[index];
    }

    /// <param name="showOverrideReason">The manager's written reason is for managers; the mentor sees the decision.</param>
    public static EligibilityView Of(MentorshipProgram program, Enrollment enrollment, StarVerdict? verdict, bool showOverrideReason)
    {
        var reason = showOverrideReason ? enrollment.OverrideReason : null;
        return enrollment.EligibilityOverride switch
        {
            true => new(true, "Eligible by a program manager's decision.", true, reason),
            false => new(false, "Not eligible by a program manager's decision.", false, reason),
            _ when enrollment.Side == EnrollmentSide.Mentee => new(true, "Every mentee is eligible.", null, null),
            _ when !program.RequireProvenStar => new(true, "This program does not require proven stars.", null, null),
            _ when verdict?.Status == StarStatus.Star => new(true, "A proven star: " + verdict.Reason, null, null),
            _ when verdict is null => new(false, "No sales record to judge: not a proven star.", null, null),
            _ => new(false, "Not a proven star: " + verdict.Reason, null, null),
        };
    }
}
