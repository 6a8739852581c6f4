using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Features.Mentorships;
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
}
