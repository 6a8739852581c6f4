using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Progress;
using SalesMentor.App.Tests.Features.Health;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;

namespace SalesMentor.App.Tests.Features.Progress;

/// <summary>
/// <see cref="HealthWorld"/> (the star mentors rep A from 2026-06-15) with hand-made sales: rep A won 1,000, 2,000 and
/// 3,000 (one deal each) in March, April and May, so the agreement saved on 2026-06-15 has the baselines won revenue
/// 2,000 and won deals 1; the star won 2,500 in each of those months. After <see cref="MoveOnAsync"/> (to 2026-09-14) rep A won 4,000, 5,000 and 6,000 (one deal each)
/// in June, July and August, and the star 3,000 in each of those months — one deal in June and July, two of 1,500 in August.
/// So over June–August: rep A's won revenue is 5,000 against the star's 3,000 (surpassed), won deals 1 against 1.3333 (not).
/// </summary>
public sealed class ProgressWorld
{
    public required HealthWorld Health { get; init; }

    public TestApp App => Health.App;
    public TestWorld World => Health.World;
    public Guid Current => Health.Current;

    public static async Task<ProgressWorld> CreateAsync(TestApp app)
    {
        var health = await HealthWorld.CreateAsync(app);
        var w = new ProgressWorld { Health = health };
        await w.WinAsync(health.World.RepA, (new DateOnly(2026, 3, 10), 1000m), (new DateOnly(2026, 4, 10), 2000m), (new DateOnly(2026, 5, 10), 3000m));
        await w.WinAsync(health.World.Star, (new DateOnly(2026, 3, 12), 2500m), (new DateOnly(2026, 4, 12), 2500m), (new DateOnly(2026, 5, 12), 2500m));
        var agreement = await HealthWorld.Ok(app.InScopeAsync(s => s.Get<GetAgreement>().HandleAsync(health.Mentee, health.Current, default)));
        var behaviour = await app.InScopeAsync(s => s.Db.Agreements.AsNoTracking().Where(a => a.MentorshipId == health.Current).Select(a => a.BehaviourGoals).SingleAsync());
        await HealthWorld.Ok(app.InScopeAsync(s => s.Get<SaveAgreement>().HandleAsync(health.Mentee, health.Current, new AgreementRequest(
            [new KpiGoalInput(null, "won-revenue", 8000m, new DateOnly(2026, 12, 31)), new KpiGoalInput(null, "won-deals", 3m, new DateOnly(2026, 12, 31))],
            [.. behaviour.Select(b => new BehaviourGoalInput(b.Id, b.BehaviourId, b.Level))], [], MeetingCadence.Fortnightly, "Between us.", agreement.Version), default)));
        return w;
    }

    /// <summary>Thirteen weeks on (2026-09-14) and the summer's sales of rep A and the star.</summary>
    public async Task MoveOnAsync()
    {
        Health.Weeks(13);
        await WinAsync(World.RepA, (new DateOnly(2026, 6, 10), 4000m), (new DateOnly(2026, 7, 10), 5000m), (new DateOnly(2026, 8, 10), 6000m));
        await WinAsync(World.Star, (new DateOnly(2026, 6, 10), 3000m), (new DateOnly(2026, 7, 10), 3000m), (new DateOnly(2026, 8, 10), 1500m), (new DateOnly(2026, 8, 20), 1500m));
    }

    public async Task WinAsync(Person owner, params (DateOnly On, decimal Amount)[] wins)
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        await App.SeedAsync(db => db.Opportunities.AddRange(wins.Select(x => new Opportunity
        {
            Source = "test", ExternalId = $"{owner.Email}-won-{x.On:yyyyMMdd}", OwnerId = owner.Id, Name = "Won", Account = "Acme", Amount = x.Amount, Currency = "USD",
            CreatedOn = x.On.AddDays(-20), CloseDate = x.On, IsClosed = true, IsWon = true, ImportedAt = now,
        })));
        await App.InScopeAsync(s => SalesDataStamp.BumpAsync(s.Db, default));
    }

    public Task<Result<MentorshipProgressView>> ProgressAsync(Actor actor, Guid? mentorship = null) =>
        App.InScopeAsync(s => s.Get<GetMentorshipProgress>().HandleAsync(actor, mentorship ?? Current, default));

    public Task<Result<MentoringHomeView>> HomeAsync(Actor actor) =>
        App.InScopeAsync(s => s.Get<GetMentoringHome>().HandleAsync(actor, default));
}
