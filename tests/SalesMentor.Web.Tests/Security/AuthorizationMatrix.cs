namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// Who makes the call. <see cref="Disabled"/> cannot sign in, so they call as nobody. The token
/// principals call with a personal access token only (no cookie); their expectations are derived
/// from the cookie columns by <see cref="AuthorizationMatrix.Expected"/>.
/// </summary>
public enum Principal
{
    Anonymous, Admin, RepA, RepB, SupervisorA, SupervisorB, Vp, Disabled,
    RepATokenRead, RepATokenWrite, AdminTokenRead, AdminTokenWrite, RevokedToken, ExpiredToken, DisabledUserToken,
}

/// <summary>
/// Which record a route with an id is called with: the caller's own person; another person
/// (rep A — or, for rep A, their teammate rep B); an id that does not exist; a roster import the
/// admin staged before the run.
/// </summary>
public enum Target { None, Own, Other, Missing, ImportRun, RepBToken, Program, Enrollment, MentorEnrollment, Pair, Rating, Skill, Mentorship, Concern, FormerMentorship, FormerConcern, Note, FormerNote, Session, LoggedSession, ClosingMentorship, EndingMentorship }

/// <summary>What a request carries.</summary>
public enum Body
{
    None, PersonUpdate, SettingsUpdate, EmptyCsv, StarRule, ImportSettings, ImportProfile, StageMappings, ExchangeRate, TokenCreate, Interaction, InteractionEdit, RoleTarget,
    Program, ProgramStatus, Enrollment, Version, Eligibility, InviteRaters, Rating, RunMatching, AddPair, SwapPairs, LockPair, Respond, CatalogItem, MentorshipsCsv,
    RaiseConcern, EditConcern, ConcernStatus, Reply, Note, Agreement, AgreementVersion, Session, SessionVersion, SessionLog,
    AdoptionCheck, ValueObservation, Pulse, HealthSettings,
    PlanClosing, Reflection, Outcomes, ClosingVersion, EndEarly,
}

/// <summary>Who may open a page.</summary>
public enum PageAccess { Public, SignedIn, Admin }

/// <summary>
/// One endpoint × record, and the status each principal gets. <see cref="Everyone"/> holds the
/// answers under the default sales-data visibility; <see cref="OwnAndChain"/> overrides them when
/// the organization limits sales data to the person and their management chain.
/// </summary>
/// <param name="Path">The request path when the route has parameters that are not the record id.</param>
/// <param name="EndsSession">Signs the caller out, so it runs after every other row of that caller.</param>
/// <param name="SessionOnly">Needs the sign-in cookie: every API token gets 403.</param>
public sealed record EndpointRow(
    string Method, string Route, Target Target, string Everyone, string? OwnAndChain = null, Body Body = Body.None,
    string? Path = null, bool EndsSession = false, bool SessionOnly = false)
{
    /// <summary>Method and route with parameter names and constraints left out, as discovery sees them.</summary>
    public string Key => AuthorizationMatrix.KeyOf(Method, Route);

    public override string ToString() => $"{Method} {Route}{(Target == Target.None ? "" : $" [{Target}]")}";
}

/// <param name="Marker">Text only the page itself renders (null while a planned page's text is unknown).</param>
public sealed record PageRow(string Route, PageAccess Access, string? Marker, string? Path = null)
{
    public string Key => AuthorizationMatrix.KeyOf("PAGE", Route);
}

/// <summary>
/// The authorization matrix: every endpoint and page of the web host, and what each principal gets.
/// A new endpoint or page fails <see cref="AuthorizationMatrixTests"/> until it has rows here.
/// The rules it encodes are DESIGN.md's access table: the directory and org chart are open to
/// everyone signed in; sales data to the person, their management chain, admins, and everyone
/// when the organization allows it; administration to admins (403 for others); hidden and
/// missing records both answer 404.
/// </summary>
public static partial class AuthorizationMatrix
{
    /// <summary>The order of the columns in the expectation strings below.</summary>
    public static readonly Principal[] Columns =
        [Principal.Anonymous, Principal.Admin, Principal.RepA, Principal.RepB, Principal.SupervisorA, Principal.SupervisorB, Principal.Vp, Principal.Disabled];

    //                                      anon admin repA repB supA supB  vp  disabled
    private const string Open =            "200  200  200  200  200  200  200  200";
    private const string SignedIn =        "401  200  200  200  200  200  200  401";
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string AdminOnly =       "401  200  403  403  403  403  403  401";

    // Sales data of rep A (or of rep B, for rep A) when only the person and their management chain may see it.
    private const string SalesOfOtherChainOnly = "401  200  404  404  200  404  200  401";

    // The confidential space of rep A's mentorship with supervisor B: the pair only; of rep A's ended mentorship: rep A only.
    private const string PairOnly = "401  404  200  404  404  200  404  401";
    private const string MenteeOnly = "401  404  200  404  404  404  404  401";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        new("GET", "/api/antiforgery", Target.None, SignedIn),

        // The people directory and org chart: everyone signed in.
        new("GET", "/api/people", Target.None, SignedIn),
        new("GET", "/api/people/{id}", Target.Own, SignedIn),
        new("GET", "/api/people/{id}", Target.Other, SignedIn),
        new("GET", "/api/people/{id}", Target.Missing, SignedInMissing),
        new("GET", "/api/people/export", Target.None, SignedIn),
        new("GET", "/api/org-chart", Target.None, SignedIn),
        new("GET", "/api/teams", Target.None, SignedIn),
        new("GET", "/api/regions", Target.None, SignedIn),

        // Editing a person: admins. A missing person is 404 for everyone (the directory is open, so 403 on a real one leaks nothing).
        new("PUT", "/api/people/{id}", Target.Own, AdminOnly, Body: Body.PersonUpdate),
        new("PUT", "/api/people/{id}", Target.Other, AdminOnly, Body: Body.PersonUpdate),
        new("PUT", "/api/people/{id}", Target.Missing, SignedInMissing, Body: Body.PersonUpdate),

        // Sales data: the person, their management chain, admins; everyone by default.
        new("GET", "/api/people/{id}/opportunities", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/opportunities", Target.Other, SignedIn, SalesOfOtherChainOnly),
        new("GET", "/api/people/{id}/opportunities", Target.Missing, SignedInMissing),
        new("GET", "/api/people/{id}/activities", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/activities", Target.Other, SignedIn, SalesOfOtherChainOnly),
        new("GET", "/api/people/{id}/activities", Target.Missing, SignedInMissing),

        // Organization settings: everyone reads, admins change.
        new("GET", "/api/settings", Target.None, SignedIn),
        new("PUT", "/api/settings", Target.None, AdminOnly, Body: Body.SettingsUpdate),

        // Accounts: admins only; a non-admin gets 403 before the record is even looked up, so 403 on a missing one too.
        // The admin's own account and rep A's are real accounts with passwords (so inviting them again is a conflict),
        // an admin cannot disable themself or drop their own admin role (400), and the rows run in this order, so
        // rep A ends up enabled and without the admin role again.
        new("GET", "/api/accounts", Target.None, AdminOnly),
        new("POST", "/api/accounts/{personId}/invite", Target.Own, "401  409  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/invite", Target.Other, "401  409  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/invite", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/reset-password", Target.Own, AdminOnly),
        new("POST", "/api/accounts/{personId}/reset-password", Target.Other, AdminOnly),
        new("POST", "/api/accounts/{personId}/reset-password", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/disable", Target.Own, "401  400  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/disable", Target.Other, AdminOnly),
        new("POST", "/api/accounts/{personId}/disable", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/enable", Target.Own, AdminOnly),
        new("POST", "/api/accounts/{personId}/enable", Target.Other, AdminOnly),
        new("POST", "/api/accounts/{personId}/enable", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("POST", "/api/accounts/{personId}/admin", Target.Own, AdminOnly),
        new("POST", "/api/accounts/{personId}/admin", Target.Other, AdminOnly),
        new("POST", "/api/accounts/{personId}/admin", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("DELETE", "/api/accounts/{personId}/admin", Target.Own, "401  400  403  403  403  403  403  401"),
        new("DELETE", "/api/accounts/{personId}/admin", Target.Other, AdminOnly),
        new("DELETE", "/api/accounts/{personId}/admin", Target.Missing, "401  404  403  403  403  403  403  401"),

        // Mail status and the audit log: admins only.
        new("GET", "/api/outbox", Target.None, AdminOnly),
        new("GET", "/api/audit", Target.None, AdminOnly),

        // Roster imports: admins only (403 for everyone else, before the record is looked up). Written while these rows
        // were: they run once the endpoints exist. The matrix stages one small roster as the admin first (ImportRun);
        // the admin's rows then read it, commit it (one new person), and cannot discard it any more (409: it has ended).
        // An empty upload is a rejected import (422 import.rejected), never 5xx.
        new("POST", "/api/imports/roster", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("POST", "/api/imports/roster/stage", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("GET", "/api/imports", Target.None, AdminOnly),
        new("GET", "/api/imports/{id}", Target.ImportRun, AdminOnly),
        new("GET", "/api/imports/{id}", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("GET", "/api/imports/{id}/errors", Target.ImportRun, AdminOnly),
        new("GET", "/api/imports/{id}/errors", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("POST", "/api/imports/{id}/configure", Target.ImportRun, AdminOnly, Body: Body.ImportSettings),
        new("POST", "/api/imports/{id}/configure", Target.Missing, "401  404  403  403  403  403  403  401", Body: Body.ImportSettings),
        new("POST", "/api/imports/{id}/commit", Target.ImportRun, AdminOnly),
        new("POST", "/api/imports/{id}/commit", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("DELETE", "/api/imports/{id}", Target.ImportRun, "401  409  403  403  403  403  403  401"),
        new("DELETE", "/api/imports/{id}", Target.Missing, "401  404  403  403  403  403  403  401"),

        // Sales-data imports, column mappings and HubSpot stage meanings: admins only, like the roster. An empty upload is a failed import (422).
        new("POST", "/api/imports/stage", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("POST", "/api/imports/opportunities", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("POST", "/api/imports/activities", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("POST", "/api/imports/quotas", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("POST", "/api/imports/users", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("POST", "/api/imports/exchange-rates", Target.None, "401  422  403  403  403  403  403  401", Body: Body.EmptyCsv),
        new("GET", "/api/imports/profiles", Target.None, AdminOnly),
        new("POST", "/api/imports/profiles", Target.None, AdminOnly, Body: Body.ImportProfile),
        new("PUT", "/api/imports/profiles/{id}", Target.Missing, "401  404  403  403  403  403  403  401", Body: Body.ImportProfile),
        new("DELETE", "/api/imports/profiles/{id}", Target.Missing, "401  404  403  403  403  403  403  401"),
        new("GET", "/api/imports/stage-mappings", Target.None, AdminOnly),
        new("PUT", "/api/imports/stage-mappings", Target.None, AdminOnly, Body: Body.StageMappings),

        // Exchange rates: admins only (403 for everyone else, before the record is looked up).
        new("GET", "/api/exchange-rates", Target.None, AdminOnly),
        new("POST", "/api/exchange-rates", Target.None, "401  201  403  403  403  403  403  401", Body: Body.ExchangeRate),
        new("PUT", "/api/exchange-rates/{id}", Target.Missing, "401  404  403  403  403  403  403  401", Body: Body.ExchangeRate),
        new("DELETE", "/api/exchange-rates/{id}", Target.Missing, "401  404  403  403  403  403  403  401"),

        // KPIs: the catalog and lists are open to everyone signed in, and list only the people whose sales data the caller
        // may see; a scorecard is sales data of one person (404 when hidden, like their opportunities).
        new("GET", "/api/kpis", Target.None, SignedIn),
        new("GET", "/api/people/{id}/scorecard", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/scorecard", Target.Other, SignedIn, SalesOfOtherChainOnly),
        new("GET", "/api/people/{id}/scorecard", Target.Missing, SignedInMissing),
        new("GET", "/api/people/{id}/behaviour-signals", Target.Own, SignedIn),
        new("GET", "/api/people/{id}/behaviour-signals", Target.Other, SignedIn, SalesOfOtherChainOnly),
        new("GET", "/api/people/{id}/behaviour-signals", Target.Missing, SignedInMissing),
        new("GET", "/api/leaderboards", Target.None, SignedIn),
        new("GET", "/api/leaderboards/export", Target.None, SignedIn),
        new("GET", "/api/stars", Target.None, SignedIn),

        // The star rule: everyone reads it (it says what a star is), admins change and preview it. The body rewrites the stored rule.
        new("GET", "/api/settings/star-rule", Target.None, SignedIn),
        new("PUT", "/api/settings/star-rule", Target.None, AdminOnly, Body: Body.StarRule),
        new("POST", "/api/settings/star-rule/preview", Target.None, AdminOnly, Body: Body.StarRule),

        // Catalogs: everyone reads, admins change (403 for others, before the item is looked up).
        new("GET", "/api/catalogs", Target.None, SignedIn),
        new("POST", "/api/catalogs/{kind}", Target.None, AdminOnly, Body: Body.CatalogItem, Path: "/api/catalogs/values"),
        new("PUT", "/api/catalogs/{kind}/{id}", Target.Skill, AdminOnly, Body: Body.CatalogItem, Path: "/api/catalogs/skills/{id}"),
        new("PUT", "/api/catalogs/{kind}/{id}", Target.Missing, "401  404  403  403  403  403  403  401", Body: Body.CatalogItem, Path: "/api/catalogs/skills/{id}"),
        new("DELETE", "/api/catalogs/{kind}/{id}", Target.Skill, AdminOnly, Path: "/api/catalogs/skills/{id}"),
        new("DELETE", "/api/catalogs/{kind}/{id}", Target.Missing, "401  404  403  403  403  403  403  401", Path: "/api/catalogs/skills/{id}"),

        // Programs (ProgramMatrix: in matching; rep A is a mentee, supervisor B A's future mentor through a published pair,
        // supervisor A invited to rate A). Past draft a program is visible to everyone signed in; only its managers change it (403).
        new("GET", "/api/programs", Target.None, SignedIn),
        new("POST", "/api/programs", Target.None, AdminOnly, Body: Body.Program),
        new("GET", "/api/programs/{id}", Target.Program, SignedIn),
        new("GET", "/api/programs/{id}", Target.Missing, SignedInMissing),
        new("PUT", "/api/programs/{id}", Target.Program, AdminOnly, Body: Body.Program),
        new("PUT", "/api/programs/{id}", Target.Missing, SignedInMissing, Body: Body.Program),
        new("POST", "/api/programs/{id}/status", Target.Program, AdminOnly, Body: Body.ProgramStatus),
        new("POST", "/api/programs/{id}/status", Target.Missing, SignedInMissing, Body: Body.ProgramStatus),
        // Impact and program health in numbers: see ImpactMatrix.
        .. ImpactMatrix.Endpoints,
        new("GET", "/api/programs/{id}/enrollments", Target.Program, AdminOnly),
        new("GET", "/api/programs/{id}/enrollments", Target.Missing, SignedInMissing),
        new("POST", "/api/programs/{id}/reminders", Target.Program, AdminOnly),
        new("POST", "/api/programs/{id}/reminders", Target.Missing, SignedInMissing),
        new("GET", "/api/programs/{id}/enrollment-form/{side}", Target.Program, SignedIn, Path: "/api/programs/{id}/enrollment-form/mentee"),
        new("GET", "/api/programs/{id}/enrollment-form/{side}", Target.Missing, SignedInMissing, Path: "/api/programs/{id}/enrollment-form/mentor"),
        new("PUT", "/api/programs/{id}/enrollments/mine/{side}", Target.Program, SignedIn, Body: Body.Enrollment, Path: "/api/programs/{id}/enrollments/mine/mentee"),
        new("PUT", "/api/programs/{id}/enrollments/mine/{side}", Target.Missing, SignedInMissing, Body: Body.Enrollment, Path: "/api/programs/{id}/enrollments/mine/mentee"),

        // Enrollments: the person, the program's managers, the future mentor; hidden (404) from the supervisor chain and everyone else.
        // Rep A cannot withdraw (the pair is published: 409); the partner may read, not change (403); a mentee is not a mentor (400).
        new("GET", "/api/enrollments/{id}", Target.Enrollment, "401  200  200  404  404  200  404  401"),
        new("GET", "/api/enrollments/{id}", Target.MentorEnrollment, "401  200  200  404  404  200  404  401"),
        new("GET", "/api/enrollments/{id}", Target.Missing, SignedInMissing),
        new("POST", "/api/enrollments/{id}/withdraw", Target.Enrollment, "401  409  409  404  404  403  404  401", Body: Body.Version),
        new("POST", "/api/enrollments/{id}/withdraw", Target.Missing, SignedInMissing, Body: Body.Version),
        new("PUT", "/api/enrollments/{id}/eligibility", Target.Enrollment, "401  400  403  404  404  403  404  401", Body: Body.Eligibility),
        new("PUT", "/api/enrollments/{id}/eligibility", Target.Missing, SignedInMissing, Body: Body.Eligibility),
        new("POST", "/api/enrollments/{id}/rating-invitations", Target.MentorEnrollment, "401  200  403  404  404  200  404  401", Body: Body.InviteRaters),
        new("POST", "/api/enrollments/{id}/rating-invitations", Target.Missing, SignedInMissing, Body: Body.InviteRaters),

        // Rating invitations: only the invited rater (supervisor A rates rep A).
        new("GET", "/api/ratings/{id}", Target.Rating, "401  404  404  404  200  404  404  401"),
        new("GET", "/api/ratings/{id}", Target.Missing, SignedInMissing),
        new("PUT", "/api/ratings/{id}", Target.Rating, "401  404  404  404  200  404  404  401", Body: Body.Rating),
        new("PUT", "/api/ratings/{id}", Target.Missing, SignedInMissing, Body: Body.Rating),

        // The matching board: the program's managers (403 for others). Rep A is paired already (409); the only pair is published (409).
        new("GET", "/api/programs/{id}/board", Target.Program, AdminOnly),
        new("GET", "/api/programs/{id}/board", Target.Missing, SignedInMissing),
        new("POST", "/api/programs/{id}/board/run", Target.Program, AdminOnly, Body: Body.RunMatching),
        new("POST", "/api/programs/{id}/board/run", Target.Missing, SignedInMissing, Body: Body.RunMatching),
        new("GET", "/api/programs/{id}/board/compare", Target.Program, AdminOnly),
        new("GET", "/api/programs/{id}/board/compare", Target.Missing, SignedInMissing),
        new("POST", "/api/programs/{id}/board/pairs", Target.Program, "401  409  403  403  403  403  403  401", Body: Body.AddPair),
        new("POST", "/api/programs/{id}/board/pairs", Target.Missing, SignedInMissing, Body: Body.AddPair),
        new("POST", "/api/programs/{id}/board/swap", Target.Program, "401  409  403  403  403  403  403  401", Body: Body.SwapPairs),
        new("POST", "/api/programs/{id}/board/swap", Target.Missing, SignedInMissing, Body: Body.SwapPairs),
        new("POST", "/api/programs/{id}/board/publish", Target.Program, "401  200|400  403  403  403  403  403  401"),
        new("POST", "/api/programs/{id}/board/publish", Target.Missing, SignedInMissing),

        // A published pair: its two people answer it (rep A, then supervisor B: both accept, a mentorship starts); managers
        // may not answer (403) nor change it any more (409); to everyone else it is hidden.
        new("PUT", "/api/pairs/{id}/lock", Target.Pair, "401  409  403  404  404  403  404  401", Body: Body.LockPair),
        new("PUT", "/api/pairs/{id}/lock", Target.Missing, SignedInMissing, Body: Body.LockPair),
        new("DELETE", "/api/pairs/{id}", Target.Pair, "401  409  403  404  404  403  404  401"),
        new("DELETE", "/api/pairs/{id}", Target.Missing, SignedInMissing),
        new("POST", "/api/pairs/{id}/respond", Target.Pair, "401  403  200  404  404  200  404  401", Body: Body.Respond),
        new("POST", "/api/pairs/{id}/respond", Target.Missing, SignedInMissing, Body: Body.Respond),
        new("GET", "/api/me/mentoring", Target.None, SignedIn),

        // Importing existing mentorships: admins (an empty file is a rejected import, 422).
        new("POST", "/api/mentorships/import", Target.None, "401  422  403  403  403  403  403  401", Body: Body.MentorshipsCsv),

        // Mentorships, the confidential space, the agreement, private notes and sessions: see MentorshipRows.
        .. MentorshipRows.Endpoints,

        // The caller's own API tokens. Creating one needs the sign-in cookie; someone else's token (rep B's here) is 404,
        // for an admin too; rep B revokes their own.
        new("GET", "/api/tokens", Target.None, SignedIn),
        new("POST", "/api/tokens", Target.None, SignedIn, Body: Body.TokenCreate, SessionOnly: true),
        new("DELETE", "/api/tokens/{id}", Target.RepBToken, "401  404  404  200  404  404  404  401"),
        new("DELETE", "/api/tokens/{id}", Target.Missing, SignedInMissing),

        // The four roles: see ManagerRolesMatrix.
        .. ManagerRolesMatrix.Endpoints,

        // Public by design: health probe, the OpenAPI document and its reference page (assets served locally).
        new("*", "/health", Target.None, Open),
        new("*", "/health/ready", Target.None, Open),

        // The Prometheus scrape: from this machine (the test client is on loopback) or with the metrics token; see ObservabilityTests.
        new("*", "/metrics", Target.None, Open),
        new("GET", "/openapi/{documentName}.json", Target.None, Open, Path: "/openapi/v1.json"),
        new("GET", "/api-reference/{documentName?}", Target.None, Open, Path: "/api-reference/"),
        new("GET", "/api-reference/scalar.js", Target.None, Open),
        new("GET", "/api-reference/scalar.aspnetcore.js", Target.None, Open),
        new("GET", "/api-reference/favicon.svg", Target.None, Open),

        // The static-file fallback of MapStaticAssets: a missing file is 404 for everyone, not a page and not a 5xx.
        new("GET", "{**path:file}", Target.None, "404  404  404  404  404  404  404  404", Path: "/no-such-file.txt"),

        // Sign-out needs the antiforgery token (the signed-in clients send it); without one it is refused.
        new("POST", "/account/logout", Target.None, "400  302  302  302  302  302  302  400", EndsSession: true),

        // Starts the company sign-in (OpenID Connect); 404 while none is configured, as here. See CompanySignInTests.
        new("POST", "/account/external-login", Target.None, "404  404  404  404  404  404  404  404"),

        // Behaviour adoption, pulses and health: see HealthMatrix.
        .. HealthMatrix.Endpoints,

        // Closing a mentorship: see ClosingMatrix.
        .. ClosingMatrix.Endpoints,
        // Progress and the mentoring home: see ProgressMatrix.
        .. ProgressMatrix.Endpoints,
    ];

    public static IReadOnlyList<PageRow> Pages { get; } =
    [
        new("/account/login", PageAccess.Public, "Sign in"),
        new("/account/forgot-password", PageAccess.Public, "Forgot your password?"),
        new("/account/set-password", PageAccess.Public, "Choose your password"),
        new("/setup", PageAccess.Public, "Create the first admin"),
        new("/error", PageAccess.Public, "Something went wrong"),
        new("/", PageAccess.SignedIn, "Welcome,"),
        new("/people", PageAccess.SignedIn, "Search by name or email"),
        new("/people/{Id:guid}", PageAccess.SignedIn, "data-testid=\"person-name\"", Path: "/people/{RepA}"),
        new("/org", PageAccess.SignedIn, "data-testid=\"org-tree\""),
        new("/leaderboards", PageAccess.SignedIn, "Rank reps by one KPI in one period"),
        new("/stars", PageAccess.SignedIn, "Proven stars are reps whose numbers stood out"),
        new("/week", PageAccess.SignedIn, "My week as a manager"),
        new("/role-balance", PageAccess.SignedIn, "How managers share their time with reps"),
        new("/me/api-tokens", PageAccess.SignedIn, "Personal access tokens let a script"),
        new("/admin/star-rule", PageAccess.Admin, "The rule that makes a rep a proven star"),
        new("/admin/accounts", PageAccess.Admin, "Invitation and password-reset links go to the person"),
        new("/admin/settings", PageAccess.Admin, "Organization settings"),
        new("/admin/outbox", PageAccess.Admin, "Delivery status of outgoing mail"),
        new("/admin/audit", PageAccess.Admin, "Who did what, to which record"),
        new("/imports", PageAccess.Admin, "Upload a CSV file"),
        new("/admin/exchange-rates", PageAccess.Admin, "corporate-currency units per one unit of the currency"),
        new("/imports/{Id:guid}", PageAccess.Admin, "This import does not exist", Path: "/imports/0199aaaa-0000-7000-8000-00000000dead"),
        new("/admin/catalogs", PageAccess.Admin, "The catalogs enrollment forms offer"),
        new("/programs", PageAccess.SignedIn, "Mentorship programs run in cohorts"),
        new("/programs/{Id:guid}", PageAccess.SignedIn, "This program does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead"),
        .. ImpactMatrix.Pages,
        new("/programs/{Id:guid}/mentor", PageAccess.SignedIn, "This program does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead/mentor"),
        new("/programs/{Id:guid}/mentee", PageAccess.SignedIn, "This program does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead/mentee"),
        new("/programs/{Id:guid}/board", PageAccess.SignedIn, "This matching board does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead/board"),
        new("/programs/{Id:guid}/import-mentorships", PageAccess.SignedIn, "This program does not exist", Path: "/programs/0199aaaa-0000-7000-8000-00000000dead/import-mentorships"),
        new("/enrollments/{Id:guid}", PageAccess.SignedIn, "This enrollment does not exist", Path: "/enrollments/0199aaaa-0000-7000-8000-00000000dead"),
        new("/ratings/{Id:guid}", PageAccess.SignedIn, "This rating request does not exist", Path: "/ratings/0199aaaa-0000-7000-8000-00000000dead"),
        new("/me/mentoring", PageAccess.SignedIn, "Your enrollments, proposed pairs, mentorships"),
        new("/mentorships/{Id:guid}", PageAccess.SignedIn, "This mentorship does not exist", Path: "/mentorships/0199aaaa-0000-7000-8000-00000000dead"),
        .. HealthMatrix.Pages,
        .. ClosingMatrix.Pages,
        .. ProgressMatrix.Pages,
    ];

    /// <summary>
    /// Endpoints the matrix leaves out on purpose, each with the reason. Static assets are left out
    /// by their metadata (<c>StaticAssetDescriptor</c>): files from wwwroot and packages, public by design.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>
    {
        [KeyOf("*", "/_blazor")] = "Blazor Server's SignalR hub: it carries interactive pages, which the page matrix covers, and a circuit re-checks the account's security stamp",
        [KeyOf("*", "/_blazor/negotiate")] = "SignalR negotiation for the Blazor hub: returns a connection id, no data",
        [KeyOf("*", "/_blazor/disconnect/")] = "Blazor Server's circuit disconnect beacon: ends the caller's own circuit, no data",
        [KeyOf("*", "/_blazor/initializers/")] = "Blazor's list of JavaScript initializers: static, no data",
        [KeyOf("GET", "/_framework/opaque-redirect")] = "Blazor's redirect helper for enhanced navigation: redirects within the app, no data",
    };

    /// <summary>Parses one expectation column string into the allowed statuses of each principal.</summary>
    public static IReadOnlyDictionary<Principal, int[]> Parse(string expectations)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        var cells = expectations.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (cells.Length != Columns.Length) throw new ArgumentException($"'{expectations}' has {cells.Length} columns, not {Columns.Length}.", nameof(expectations));
        return Columns.Select((p, i) => (p, cells[i].Split('|').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))
            .ToDictionary(x => x.p, x => x.Item2);
    }

    /// <summary>
    /// "GET /api/people/{}": method and route, with leading slash, without a trailing slash and
    /// without parameter names or constraints, so a renamed parameter still matches its row.
    /// </summary>
    public static string KeyOf(string method, string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = "/" + route.Trim('/');
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]*\}", "{}");
        return $"{method} {path}";
    }
}
