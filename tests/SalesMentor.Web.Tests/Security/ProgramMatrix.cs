using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Catalogs;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Features.Ratings;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The program records of the authorization matrix: a program in matching where rep A is a mentee (with a gap marked
/// "mentor only"), supervisor B is the mentor of A through a published pair, and supervisor A was invited to rate A.
/// So in the matrix supervisor B plays "A's (future) mentor", supervisor A "A's supervisor", rep B "mentee B".
/// </summary>
internal static class ProgramMatrix
{
    public static async Task<IReadOnlyDictionary<Target, Guid>> CreateAsync(WebTestHost host, TestWorld world)
    {
        await using var scope = host.Services.CreateAsyncScope();
        T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        var admin = Actor.User(world.Admin.Id, world.Admin.Name, isAdmin: true);
        var program = Value(await Get<CreateProgram>().HandleAsync(admin, new ProgramRequest("Matrix cohort", Rules: new ProgramRulesView(false, true, false, true, 2)), default));
        program = Value(await Get<SetProgramStatus>().HandleAsync(admin, program.Id, new ProgramStatusRequest(ProgramStatus.Enrolling, program.Version), default));
        var mentee = Value(await Get<SaveEnrollment>().HandleAsync(Actor.User(world.RepA.Id, world.RepA.Name, false), program.Id, EnrollmentSide.Mentee,
            new EnrollmentRequest(Skills: [new("closing", 4), new("negotiating", 5, Visibility: GapVisibility.MentorOnly)]), default));
        var mentor = Value(await Get<SaveEnrollment>().HandleAsync(Actor.User(world.SupervisorB.Id, world.SupervisorB.Name, false), program.Id, EnrollmentSide.Mentor,
            new EnrollmentRequest(1, Skills: [new("closing", 5)]), default));
        program = Value(await Get<GetProgram>().HandleAsync(admin, program.Id, default));
        program = Value(await Get<SetProgramStatus>().HandleAsync(admin, program.Id, new ProgramStatusRequest(ProgramStatus.Matching, program.Version), default));
        Value(await Get<ProposeMatches>().HandleAsync(admin, program.Id, new RunMatchingRequest(), default));
        var board = Value(await Get<PublishPairs>().HandleAsync(admin, program.Id, default));
        var db = Get<SalesMentorDb>();
        var rating = await db.RatingInvitations.Where(i => i.EnrollmentId == mentee.Id).Select(i => i.Id).SingleAsync();
        var skill = await db.Skills.Where(s => s.Key == "presenting").Select(s => s.Id).SingleAsync();
        return new Dictionary<Target, Guid>
        {
            [Target.Program] = program.Id, [Target.Enrollment] = mentee.Id, [Target.MentorEnrollment] = mentor.Id,
            [Target.Pair] = board.Pairs.Single().Id, [Target.Rating] = rating, [Target.Skill] = skill,
        };
    }

    /// <summary>Fills in the body (and the ?version= of deletes) of a program row, reading versions as they are now.</summary>
    public static async Task PrepareAsync(WebTestHost host, EndpointRow row, HttpRequestMessage request, Guid id, PersonId? caller, IReadOnlyDictionary<Target, Guid> records)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var program = await db.Programs.Include(p => p.Coordinators).SingleOrDefaultAsync(p => p.Id == id);
        var pair = await db.MatchProposals.SingleOrDefaultAsync(p => p.Id == id);
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.Id == id);
        switch (row.Body)
        {
            case Body.Program:
                request.Content = JsonContent.Create(new ProgramRequest(program?.Name ?? "Matrix cohort", MinimumScore: 0, Version: program?.Version ?? 0));
                break;
            case Body.ProgramStatus:
                request.Content = JsonContent.Create(new ProgramStatusRequest(program?.Status ?? ProgramStatus.Matching, program?.Version ?? 0));
                break;
            case Body.Enrollment:
                var mine = await db.Enrollments.SingleOrDefaultAsync(e => e.ProgramId == id && e.PersonId == caller && e.Side == EnrollmentSide.Mentee);
                request.Content = JsonContent.Create(new EnrollmentRequest(Skills: [new("closing", 3)], Version: mine?.Version ?? 0));
                break;
            case Body.Version:
                request.Content = JsonContent.Create(new SalesMentor.Web.Api.ProgramsEndpoints.VersionRequest(enrollment?.Version ?? 0));
                break;
            case Body.Eligibility:
                request.Content = JsonContent.Create(new EligibilityRequest(true, "Matrix", enrollment?.Version ?? 0));
                break;
            case Body.InviteRaters:
                request.Content = JsonContent.Create(new InviteRatersRequest(["vp@world.test"]));
                break;
            case Body.Rating:
                request.Content = JsonContent.Create(new RatingRequest([new("teachable", 4)]));
                break;
            case Body.RunMatching:
                request.Content = JsonContent.Create(new RunMatchingRequest("best"));
                break;
            case Body.AddPair:
                request.Content = JsonContent.Create(new AddPairRequest(records[Target.Enrollment], records[Target.MentorEnrollment], Confirm: true));
                break;
            case Body.SwapPairs:
                var p = await db.MatchProposals.SingleAsync(x => x.Id == records[Target.Pair]);
                request.Content = JsonContent.Create(new SwapPairsRequest(p.Id, p.Version, p.Id, p.Version, Confirm: true));
                break;
            case Body.LockPair:
                request.Content = JsonContent.Create(new LockPairRequest(true, pair?.Version ?? 0));
                break;
            case Body.Respond:
                request.Content = JsonContent.Create(new RespondRequest(true));
                break;
            case Body.CatalogItem:
                var skill = await db.Skills.SingleOrDefaultAsync(s => s.Id == id);
                request.Content = JsonContent.Create(new CatalogItemRequest(skill?.Name ?? "Matrix value", skill?.Description, Version: skill?.Version ?? 0));
                break;
            case Body.MentorshipsCsv:
                request.Content = new StringContent("mentor,mentee,start_date\n", Encoding.UTF8, "text/csv");
                break;
            case >= Body.RaiseConcern:
                await MentorshipMatrix.PrepareAsync(db, row, request, id, caller);
                break;
        }

        if (row.Method == "DELETE" && (row.Route.StartsWith("/api/catalogs", StringComparison.Ordinal) || row.Route.StartsWith("/api/pairs", StringComparison.Ordinal)
            || row.Route.StartsWith("/api/notes", StringComparison.Ordinal)))
        {
            var version = (await db.Skills.Where(s => s.Id == id).Select(s => (int?)s.Version).SingleOrDefaultAsync()) ?? pair?.Version
                ?? (await db.PrivateNotes.Where(n => n.Id == id).Select(n => (int?)n.Version).SingleOrDefaultAsync()) ?? 0;
            request.RequestUri = new Uri(request.RequestUri!.OriginalString + "?version=" + version, UriKind.Relative);
        }
    }

    private static T Value<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message);
}
