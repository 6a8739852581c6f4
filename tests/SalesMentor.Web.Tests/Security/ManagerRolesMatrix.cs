namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The rows of the managers' four-role log, kept apart from the main table.
/// The four roles (DESIGN.md "manager's interaction log by role"): lists are open to everyone signed in and hold only the
/// entries the caller may see (the rep: role, date, topic; the manager and up the chain; admins; a note only for its author,
/// see ManagerRolesTests). Logging one with rep A: supervisor A, the VP above them, and admins; everyone else 403 (the directory
/// is open, so 403 leaks nothing). A manager's week: the manager, their chain, admins; hidden (404) from everyone else.
/// </summary>
internal static class ManagerRolesMatrix
{
    //                                      anon admin repA repB supA supB  vp  disabled
    private const string SignedIn =        "401  200  200  200  200  200  200  401";
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string AdminOnly =       "401  200  403  403  403  403  403  401";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        new("GET", "/api/people/{id}/interactions", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/interactions", Target.Other, SignedIn),
        new("GET", "/api/people/{id}/interactions", Target.Missing, SignedInMissing),
        new("GET", "/api/people/{id}/role-support", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/role-support", Target.Other, SignedIn),
        new("GET", "/api/people/{id}/role-support", Target.Missing, SignedInMissing),
        new("GET", "/api/people/{id}/week", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/week", Target.Other, "401  200  404  404  200  404  200  401"),
        new("GET", "/api/people/{id}/week", Target.Missing, SignedInMissing),
        new("POST", "/api/interactions", Target.None, "401  200  403  403  200  403  200  401", Body: Body.Interaction),
        new("PUT", "/api/interactions/{id}", Target.Missing, SignedInMissing, Body: Body.InteractionEdit),
        new("DELETE", "/api/interactions/{id}", Target.Missing, SignedInMissing, Path: "/api/interactions/0199aaaa-0000-7000-8000-00000000dead?version=1"),
        new("POST", "/api/interactions/import", Target.None, "401  422  422  422  422  422  422  401", Body: Body.EmptyCsv),
        new("GET", "/api/role-balance", Target.None, SignedIn),
        new("GET", "/api/settings/role-target", Target.None, SignedIn),
        new("PUT", "/api/settings/role-target", Target.None, AdminOnly, Body: Body.RoleTarget),
    ];
}
