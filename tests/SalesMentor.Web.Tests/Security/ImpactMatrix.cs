namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The rows of a program's impact and its health in numbers (on <see cref="ProgramMatrix"/>'s program), kept apart from
/// the main table. Impact: admins and coordinators see the program; a manager only their own people and only from 5
/// mentees (403 below that: the matrix world's managers have none); everyone else 404. Health in numbers: the program's
/// managers (403 for others who see the program); across programs and the summary mail: admins.
/// </summary>
internal static class ImpactMatrix
{
    //                                      anon admin repA repB supA supB  vp  disabled
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string AdminOnly =       "401  200  403  403  403  403  403  401";
    private const string Impact =          "401  200|400  404  404  403  403  403  401";
    private const string Dead = "0199aaaa-0000-7000-8000-00000000dead";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        new("GET", "/api/programs/{id}/impact", Target.Program, Impact),
        new("GET", "/api/programs/{id}/impact", Target.Missing, SignedInMissing),
        new("GET", "/api/programs/{id}/metrics", Target.Program, AdminOnly),
        new("GET", "/api/programs/{id}/metrics", Target.Missing, SignedInMissing),
        new("GET", "/api/programs/{id}/metrics/export", Target.Program, AdminOnly, Path: "/api/programs/{id}/metrics/export?format=xlsx"),
        new("GET", "/api/programs/{id}/metrics/export", Target.Missing, SignedInMissing),
        new("GET", "/api/program-metrics", Target.None, AdminOnly),
        new("GET", "/api/program-metrics/export", Target.None, AdminOnly),
        new("POST", "/api/program-metrics/summary", Target.None, AdminOnly),
    ];

    public static IReadOnlyList<PageRow> Pages { get; } =
    [
        new("/programs/{Id:guid}/metrics", PageAccess.SignedIn, "This program does not exist", Path: $"/programs/{Dead}/metrics"),
        new("/program-metrics", PageAccess.SignedIn, "data-testid=\"metrics-"),
        new("/programs/{Id:guid}/impact", PageAccess.SignedIn, "The impact of this program does not exist", Path: $"/programs/{Dead}/impact"),
    ];
}
