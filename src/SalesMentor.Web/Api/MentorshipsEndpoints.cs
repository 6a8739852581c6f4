using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Features.Mentorships;
using SalesMentor.App.Features.Notes;
using SalesMentor.App.Features.Sessions;
using static SalesMentor.Web.Api.ProgramsEndpoints;

namespace SalesMentor.Web.Api;

/// <summary>
/// A mentorship and its confidential space. The confidential space answers its mentee and its mentor only; the
/// supervisor chain, admins, a later mentor and the former mentor get 404, by mentorship id and by concern id alike.
/// </summary>
public static class MentorshipsEndpoints
{
    public static void MapMentorshipsEndpoints(this RouteGroupBuilder api)
    {
        var mentorships = api.MapGroup("/mentorships").WithTags("Mentorships");
        mentorships.MapGet("/{id:guid}", (HttpContext http, GetMentorship uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetMentorship").WithSummary("Who, which program, stage and dates: the pair, the mentee's supervisor chain and the program's managers.");
        mentorships.MapGet("/{id:guid}/concerns", (HttpContext http, ListConcerns uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("ListConcerns").WithSummary("The confidential space: concerns and shortcomings with their threads. The mentee and the mentor only; every concern returned is an audited read.");
        mentorships.MapPost("/{id:guid}/concerns", (HttpContext http, RaiseConcern uc, Guid id, RaiseConcernRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("RaiseConcern").WithSummary("The mentee raises a concern or a shortcoming (kind = Concern or Shortcoming); the mentor is mailed that a message waits, never the text.");
        mentorships.MapGet("/{id:guid}/concern-reads", (HttpContext http, ListConcernReads uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("ListConcernReads").WithSummary("Who read which concern and when, from the audit log (never content). The pair only.");

        mentorships.MapGet("/{id:guid}/agreement", (HttpContext http, GetAgreement uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetAgreement").WithSummary("Goals (KPI goals with their frozen baseline), values, cadence, terms, signatures and signed history: the pair, the supervisor chain, the program's managers.");
        mentorships.MapPut("/{id:guid}/agreement", (HttpContext http, SaveAgreement uc, Guid id, AgreementRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SaveAgreement").WithSummary("The pair writes the whole agreement (version 0 the first time). A change after a signature clears both signatures.");
        mentorships.MapPost("/{id:guid}/agreement/sign", (HttpContext http, SignAgreement uc, Guid id, AgreementVersionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SignAgreement").WithSummary("The mentor or the mentee signs the version read; both signed makes an agreeing mentorship active.");
        mentorships.MapPost("/{id:guid}/agreement/acknowledge", (HttpContext http, AcknowledgeAgreement uc, Guid id, AgreementVersionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("AcknowledgeAgreement").WithSummary("The mentee's supervisor chain acknowledges the signed goals; nothing else.");
        mentorships.MapGet("/{id:guid}/notes", (HttpContext http, ListPrivateNotes uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("ListPrivateNotes").WithSummary("The caller's own private notes of the mentorship (a former mentor keeps theirs); nobody else's, ever.");
        mentorships.MapPost("/{id:guid}/notes", (HttpContext http, AddPrivateNote uc, Guid id, PrivateNoteRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("AddPrivateNote").WithSummary("A private note, sealed at rest, readable by its author only.");

        var notes = api.MapGroup("/notes").WithTags("Mentorships");
        notes.MapPut("/{id:guid}", (HttpContext http, EditPrivateNote uc, Guid id, PrivateNoteRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("EditPrivateNote").WithSummary("Rewrites your note with the version read (409 when it changed). Anyone else's note is 404.");
        notes.MapDelete("/{id:guid}", (HttpContext http, DeletePrivateNote uc, Guid id, int? version, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, version ?? 0, ct)))
            .WithName("DeletePrivateNote").WithSummary("Deletes your note; send ?version= as read.");

        mentorships.MapGet("/{id:guid}/sessions", (HttpContext http, ListSessions uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("ListSessions").WithSummary("The sessions with their logs (shared notes, action items): the pair only.");
        mentorships.MapPost("/{id:guid}/sessions", (HttpContext http, ScheduleSession uc, Guid id, SessionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("ScheduleSession").WithSummary("Schedules a session; both are mailed an invitation with invite.ics (METHOD:REQUEST).");

        var sessions = api.MapGroup("/sessions").WithTags("Mentorships");
        sessions.MapPut("/{id:guid}", (HttpContext http, UpdateSession uc, Guid id, SessionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("UpdateSession").WithSummary("Moves a scheduled session (version read); both get the update: same UID, higher SEQUENCE.");
        sessions.MapPost("/{id:guid}/cancel", (HttpContext http, CancelSession uc, Guid id, SessionVersionRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("CancelSession").WithSummary("Cancels a scheduled session; both get METHOD:CANCEL under the same UID.");
        sessions.MapPut("/{id:guid}/log", (HttpContext http, LogSession uc, Guid id, SessionLogRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("LogSession").WithSummary("Held, missed or rescheduled; agenda, shared Markdown notes, action items with owner and due date, behaviours practised.");
        sessions.MapGet("/{id:guid}/ics", DownloadIcs).WithName("GetSessionIcs").Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .WithSummary("The session's calendar entry (.ics) to download: the pair only.");

        var concerns = api.MapGroup("/concerns").WithTags("Mentorships");
        concerns.MapGet("/{id:guid}", (HttpContext http, GetConcern uc, Guid id, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, ct)))
            .WithName("GetConcern").WithSummary("One concern with its thread; an audited read. The pair only.");
        concerns.MapPut("/{id:guid}", (HttpContext http, EditConcern uc, Guid id, EditConcernRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("EditConcern").WithSummary("The mentee rewrites their concern. Send the version you read: 409 concurrency.conflict when it changed.");
        concerns.MapPut("/{id:guid}/status", (HttpContext http, SetConcernStatus uc, Guid id, ConcernStatusRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("SetConcernStatus").WithSummary("Open, Discussed or Resolved, by either of the pair, with the version read.");
        concerns.MapPost("/{id:guid}/replies", (HttpContext http, ReplyToConcern uc, Guid id, ReplyRequest r, CancellationToken ct) => Run(uc.HandleAsync(http.Actor(), id, r, ct)))
            .WithName("ReplyToConcern").WithSummary("An answer in the thread; the other side is mailed that a message waits, never the text.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadIcs(HttpContext http, GetSessionIcs useCase, Guid id, CancellationToken ct)
    {
        var result = await useCase.HandleAsync(http.Actor(), id, ct);
        if (!result.IsSuccess) return ApiResults.Problem(result.Error!);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(result.Value), "text/calendar; charset=utf-8", "session.ics");
    }
}
