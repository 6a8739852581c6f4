namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The rows of mentorships, the confidential space, the agreement, private notes and sessions (on
/// <see cref="MentorshipMatrix"/>'s mentorships), kept apart from the main table; they run in this order.
/// </summary>
internal static class MentorshipRows
{
    //                                      anon admin repA repB supA supB  vp  disabled
    private const string SignedInMissing = "401  404  404  404  404  404  404  401";
    private const string PairOnly =        "401  404  200  404  404  200  404  401";
    private const string MenteeOnly =      "401  404  200  404  404  404  404  401";

    public static IReadOnlyList<EndpointRow> Endpoints { get; } =
    [
        // Mentorships (MentorshipMatrix: supervisor B mentors rep A now; rep B mentored rep A before, closed). The mentorship itself
        // (goals and progress) is for the pair, the mentee's supervisor chain (supervisor A, the VP) and admins; not the former mentor.
        new("GET", "/api/mentorships/{id}", Target.Mentorship, "401  200  200  404  200  200  200  401"),
        new("GET", "/api/mentorships/{id}", Target.FormerMentorship, "401  200  200  404  200  404  200  401"),
        new("GET", "/api/mentorships/{id}", Target.Missing, SignedInMissing),

        // The confidential space: the mentee and the mentor only — 404 for the supervisor chain, the admin, the former mentor
        // (rep B) and a later mentor (supervisor B on the earlier mentorship), by mentorship and by concern id. The mentor may
        // answer but not raise or rewrite (403); once ended, the mentee still reads and nobody writes (409).
        new("GET", "/api/mentorships/{id}/concerns", Target.Mentorship, PairOnly),
        new("GET", "/api/mentorships/{id}/concerns", Target.FormerMentorship, MenteeOnly),
        new("GET", "/api/mentorships/{id}/concerns", Target.Missing, SignedInMissing),
        new("POST", "/api/mentorships/{id}/concerns", Target.Mentorship, "401  404  200  404  404  403  404  401", Body: Body.RaiseConcern),
        new("POST", "/api/mentorships/{id}/concerns", Target.FormerMentorship, "401  404  409  404  404  404  404  401", Body: Body.RaiseConcern),
        new("POST", "/api/mentorships/{id}/concerns", Target.Missing, SignedInMissing, Body: Body.RaiseConcern),
        new("GET", "/api/mentorships/{id}/concern-reads", Target.Mentorship, PairOnly),
        new("GET", "/api/mentorships/{id}/concern-reads", Target.FormerMentorship, MenteeOnly),
        new("GET", "/api/mentorships/{id}/concern-reads", Target.Missing, SignedInMissing),
        new("GET", "/api/concerns/{id}", Target.Concern, PairOnly),
        new("GET", "/api/concerns/{id}", Target.FormerConcern, MenteeOnly),
        new("GET", "/api/concerns/{id}", Target.Missing, SignedInMissing),
        new("PUT", "/api/concerns/{id}", Target.Concern, "401  404  200  404  404  403  404  401", Body: Body.EditConcern),
        new("PUT", "/api/concerns/{id}", Target.FormerConcern, "401  404  409  404  404  404  404  401", Body: Body.EditConcern),
        new("PUT", "/api/concerns/{id}", Target.Missing, SignedInMissing, Body: Body.EditConcern),
        new("PUT", "/api/concerns/{id}/status", Target.Concern, PairOnly, Body: Body.ConcernStatus),
        new("PUT", "/api/concerns/{id}/status", Target.FormerConcern, "401  404  409  404  404  404  404  401", Body: Body.ConcernStatus),
        new("PUT", "/api/concerns/{id}/status", Target.Missing, SignedInMissing, Body: Body.ConcernStatus),
        new("POST", "/api/concerns/{id}/replies", Target.Concern, PairOnly, Body: Body.Reply),
        new("POST", "/api/concerns/{id}/replies", Target.FormerConcern, "401  404  409  404  404  404  404  401", Body: Body.Reply),
        new("POST", "/api/concerns/{id}/replies", Target.Missing, SignedInMissing, Body: Body.Reply),

        // The agreement: goals and progress for the pair, the supervisor chain and admins; only the pair writes and signs (403
        // for the others who see it). Rep A writes and signs first, supervisor B saves the same content (signatures kept) and
        // signs: the mentorship becomes active. Supervisor A runs before that (409: not signed yet); the VP then acknowledges.
        new("GET", "/api/mentorships/{id}/agreement", Target.Mentorship, "401  200  200  404  200  200  200  401"),
        new("GET", "/api/mentorships/{id}/agreement", Target.FormerMentorship, "401  200  200  404  200  404  200  401"),
        new("GET", "/api/mentorships/{id}/agreement", Target.Missing, SignedInMissing),
        new("PUT", "/api/mentorships/{id}/agreement", Target.Mentorship, "401  403  200  404  403  200  403  401", Body: Body.Agreement),
        new("PUT", "/api/mentorships/{id}/agreement", Target.FormerMentorship, "401  403  409  404  403  404  403  401", Body: Body.Agreement),
        new("PUT", "/api/mentorships/{id}/agreement", Target.Missing, SignedInMissing, Body: Body.Agreement),
        new("POST", "/api/mentorships/{id}/agreement/sign", Target.Mentorship, "401  403  200  404  403  200  403  401", Body: Body.AgreementVersion),
        new("POST", "/api/mentorships/{id}/agreement/sign", Target.FormerMentorship, "401  403  409  404  403  404  403  401", Body: Body.AgreementVersion),
        new("POST", "/api/mentorships/{id}/agreement/sign", Target.Missing, SignedInMissing, Body: Body.AgreementVersion),
        new("POST", "/api/mentorships/{id}/agreement/acknowledge", Target.Mentorship, "401  403  403  404  409  403  200  401", Body: Body.AgreementVersion),
        new("POST", "/api/mentorships/{id}/agreement/acknowledge", Target.Missing, SignedInMissing, Body: Body.AgreementVersion),

        // Private notes: the author's own, nobody else's (404 for the other side, the supervisor and the admin). The former
        // mentor (rep B) keeps their notes of the ended mentorship and may still edit them; nobody adds to it (409).
        new("GET", "/api/mentorships/{id}/notes", Target.Mentorship, PairOnly),
        new("GET", "/api/mentorships/{id}/notes", Target.FormerMentorship, "401  404  200  200  404  404  404  401"),
        new("GET", "/api/mentorships/{id}/notes", Target.Missing, SignedInMissing),
        new("POST", "/api/mentorships/{id}/notes", Target.Mentorship, PairOnly, Body: Body.Note),
        new("POST", "/api/mentorships/{id}/notes", Target.FormerMentorship, "401  404  409  409  404  404  404  401", Body: Body.Note),
        new("POST", "/api/mentorships/{id}/notes", Target.Missing, SignedInMissing, Body: Body.Note),
        new("PUT", "/api/notes/{id}", Target.Note, "401  404  200  404  404  404  404  401", Body: Body.Note),
        new("PUT", "/api/notes/{id}", Target.FormerNote, "401  404  404  200  404  404  404  401", Body: Body.Note),
        new("PUT", "/api/notes/{id}", Target.Missing, SignedInMissing, Body: Body.Note),
        new("DELETE", "/api/notes/{id}", Target.Note, "401  404  200  404  404  404  404  401"),
        new("DELETE", "/api/notes/{id}", Target.FormerNote, "401  404  404  200  404  404  404  401"),
        new("DELETE", "/api/notes/{id}", Target.Missing, SignedInMissing),

        // Sessions: the pair only (404 for everyone else). Rep A moves and then cancels the scheduled session; supervisor B,
        // who runs later, finds it cancelled (409). The logged session is logged again by each of the pair.
        new("GET", "/api/mentorships/{id}/sessions", Target.Mentorship, PairOnly),
        new("GET", "/api/mentorships/{id}/sessions", Target.FormerMentorship, MenteeOnly),
        new("GET", "/api/mentorships/{id}/sessions", Target.Missing, SignedInMissing),
        new("POST", "/api/mentorships/{id}/sessions", Target.Mentorship, PairOnly, Body: Body.Session),
        new("POST", "/api/mentorships/{id}/sessions", Target.FormerMentorship, "401  404  409  404  404  404  404  401", Body: Body.Session),
        new("POST", "/api/mentorships/{id}/sessions", Target.Missing, SignedInMissing, Body: Body.Session),
        new("GET", "/api/sessions/{id}/ics", Target.Session, PairOnly),
        new("GET", "/api/sessions/{id}/ics", Target.Missing, SignedInMissing),
        new("PUT", "/api/sessions/{id}", Target.Session, "401  404  200  404  404  409  404  401", Body: Body.Session),
        new("PUT", "/api/sessions/{id}", Target.Missing, SignedInMissing, Body: Body.Session),
        new("POST", "/api/sessions/{id}/cancel", Target.Session, "401  404  200  404  404  409  404  401", Body: Body.SessionVersion),
        new("POST", "/api/sessions/{id}/cancel", Target.Missing, SignedInMissing, Body: Body.SessionVersion),
        new("PUT", "/api/sessions/{id}/log", Target.LoggedSession, PairOnly, Body: Body.SessionLog),
        new("PUT", "/api/sessions/{id}/log", Target.Missing, SignedInMissing, Body: Body.SessionLog),
    ];
}
