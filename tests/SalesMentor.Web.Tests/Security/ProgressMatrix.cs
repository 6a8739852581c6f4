namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The rows of progress (on <see cref="MentorshipMatrix"/>'s mentorships), kept apart from the main table. A mentee's
/// progress is goals and progress: the pair, the mentee's supervisor chain (supervisor A, the VP) and admins; not the
/// former mentor (rep B on the closed mentorship), not a teammate. The mentoring home is everyone's own. The canaries of
/// the confidential space, private notes and pulses are searched for in every answer by the matrix test.
/// </summary>
internal static class ProgressMatrix
{
    //                                      anon admin repA repB supA supB  vp  disabled
    private const string SignedIn =        "401  200  200  200  200  200  200  401";
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string Progress =        "401  200  200  404  200  200  200  401";
    private const string FormerProgress =  "401  200  200  404  200  404  200  401";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        new("GET", "/api/mentorships/{id}/progress", Target.Mentorship, Progress),
        new("GET", "/api/mentorships/{id}/progress", Target.FormerMentorship, FormerProgress),
        new("GET", "/api/mentorships/{id}/progress", Target.Missing, SignedInMissing),
        new("GET", "/api/me/mentoring-home", Target.None, SignedIn),
    ];

    public static IReadOnlyList<PageRow> Pages { get; } =
    [
        new("/mentorships/{Id:guid}/progress", PageAccess.SignedIn, "This mentorship does not exist", Path: "/mentorships/0199aaaa-0000-7000-8000-00000000dead/progress"),
        new("/mentoring", PageAccess.SignedIn, "Your mentees at a glance"),
    ];
}
