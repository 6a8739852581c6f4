using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;

namespace SalesMentor.Web.Tests.Security;

/// <summary>
/// The mentorship records of the authorization matrix: supervisor B mentors rep A now (<see cref="Target.Mentorship"/>,
/// with a concern); rep B mentored rep A before (<see cref="Target.FormerMentorship"/>, closed, with a concern raised
/// while it ran). So supervisor A is the mentee's supervisor, the VP above them, rep B the former mentor and supervisor B
/// a later mentor of the earlier concern. The concerns carry canaries that only their pair may ever receive.
/// </summary>
internal static class MentorshipMatrix
{
    public const string CurrentCanary = "CANARY-matrix-current-concern";
    public const string FormerCanary = "CANARY-matrix-former-concern";

    public static async Task<IReadOnlyDictionary<Target, Guid>> CreateAsync(WebTestHost host, TestWorld world)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesMentorDb>();
        var now = DateTime.UtcNow;
        var former = new Mentorship { MentorId = world.RepB.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 1, 5), Source = "imported", CreatedAt = now };
        var current = new Mentorship { MentorId = world.SupervisorB.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 6, 1), Source = "imported", CreatedAt = now };
        db.Mentorships.AddRange(former, current);
        await db.SaveChangesAsync();
        var mentee = Actor.User(world.RepA.Id, world.RepA.Name, false);
        var raise = scope.ServiceProvider.GetRequiredService<RaiseConcern>();
        var old = Value(await raise.HandleAsync(mentee, former.Id, new RaiseConcernRequest(ConcernKind.Concern, FormerCanary), default));
        var concern = Value(await raise.HandleAsync(mentee, current.Id, new RaiseConcernRequest(ConcernKind.Shortcoming, CurrentCanary), default));
        await db.Mentorships.Where(m => m.Id == former.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Stage, MentorshipStage.Closed));
        return new Dictionary<Target, Guid>
        {
            [Target.Mentorship] = current.Id, [Target.Concern] = concern.Id, [Target.FormerMentorship] = former.Id, [Target.FormerConcern] = old.Id,
        };
    }

    /// <summary>The canaries <paramref name="principal"/> may receive: rep A both, supervisor B (the mentor now) the current one, nobody else any.</summary>
    public static string[] Forbidden(Principal principal) => AuthorizationMatrix.OwnerOf(principal) switch
    {
        Principal.RepA => [],
        Principal.SupervisorB => [FormerCanary],
        _ => ["CANARY-"],
    };

    /// <summary>Fills in the body of a mentorship row, reading the concern's version as it is now.</summary>
    public static async Task PrepareAsync(SalesMentorDb db, EndpointRow row, HttpRequestMessage request, Guid id)
    {
        var version = await db.Concerns.Where(c => c.Id == id).Select(c => (int?)c.Version).SingleOrDefaultAsync() ?? 0;
        request.Content = row.Body switch
        {
            Body.RaiseConcern => JsonContent.Create(new RaiseConcernRequest(ConcernKind.Concern, CurrentCanary + " again")),
            Body.EditConcern => JsonContent.Create(new EditConcernRequest(ConcernKind.Shortcoming, CurrentCanary + " edited", version)),
            Body.ConcernStatus => JsonContent.Create(new ConcernStatusRequest(ConcernStatus.Discussed, version)),
            Body.Reply => JsonContent.Create(new ReplyRequest("Let us talk it through on Thursday.")),
            _ => request.Content,
        };
    }

    private static T Value<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.Message);
}
