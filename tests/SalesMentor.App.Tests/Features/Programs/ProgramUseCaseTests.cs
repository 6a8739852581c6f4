using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Programs;

public class ProgramUseCaseTests
{
    private static ProgramRequest Request(ProgramView p) =>
        new(p.Name, p.Goals, p.StartsOn, p.EndsOn, p.Mode, p.MinimumScore, p.Weights, p.Rules, [.. p.Coordinators.Select(c => c.Id)], p.Version);

    [Theory, BothProviders]
    public async Task CreateProgram_Draft_IsHiddenFromEveryoneButItsManagers(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var programs = await ProgramWorld.CreateAsync(app, status: ProgramStatus.Draft);
        var (world, id) = (programs.World, programs.ProgramId);
        var program = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(programs.Admin, id, default)));
        var named = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(programs.Admin, id, Request(program) with { Coordinators = [world.RepB.Id] }, default)));

        var hidden = await app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(TestApp.As(world.RepA), id, default));
        var listA = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<ListPrograms>().HandleAsync(TestApp.As(world.RepA), default)));
        var coordinator = await app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(TestApp.As(world.RepB), id, default));
        var edit = await app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(TestApp.As(world.RepB), id, Request(named) with { Goals = "Close more" }, default));
        var renaming = await app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(TestApp.As(world.RepB), id, Request(edit.Value) with { Coordinators = [] }, default));

        Assert.Equal((ProgramStatus.Draft, "BestTotalFit"), (program.Status, program.Mode));
        Assert.Equal(ErrorKind.NotFound, hidden.Error?.Kind);
        Assert.Empty(listA);
        Assert.True(coordinator.Value.CanManage);
        Assert.Equal("Close more", edit.Value.Goals);
        Assert.Equal(("program.coordinators", ErrorKind.Forbidden), (renaming.Error?.Code, renaming.Error?.Kind));
        await using var scope = app.Scope();
        Assert.Equal(2, await scope.Db.AuditEvents.CountAsync(a => a.Action == "program.update"));
    }

    [Theory, BothProviders]
    public async Task UpdateProgram_StaleVersion_Is409AndChangesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var programs = await ProgramWorld.CreateAsync(app);
        var program = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(programs.Admin, programs.ProgramId, default)));

        var first = await app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(programs.Admin, program.Id, Request(program) with { Name = "First" }, default));
        var second = await app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(programs.Admin, program.Id, Request(program) with { Name = "Second" }, default));

        Assert.True(first.IsSuccess);
        Assert.Equal(("concurrency.conflict", ErrorKind.Conflict), (second.Error?.Code, second.Error?.Kind));
        Assert.Equal("First", (await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(programs.Admin, program.Id, default)))).Name);
    }

    [Theory]
    [InlineData(ProgramStatus.Draft, ProgramStatus.Enrolling, true)]
    [InlineData(ProgramStatus.Enrolling, ProgramStatus.Draft, true)]
    [InlineData(ProgramStatus.Draft, ProgramStatus.Matching, false)]
    [InlineData(ProgramStatus.Matching, ProgramStatus.Closed, true)]
    [InlineData(ProgramStatus.Closed, ProgramStatus.Active, false)]
    public void CanMove_OneStepOrToClosed(ProgramStatus from, ProgramStatus to, bool allowed) => Assert.Equal(allowed, ProgramRules.CanMove(from, to));

    public static TheoryData<string, ProgramRequest> BadRequests => new()
    {
        { "program.name.required", new ProgramRequest("  ") },
        { "program.dates", new ProgramRequest("P", StartsOn: new DateOnly(2026, 5, 1), EndsOn: new DateOnly(2026, 4, 1)) },
        { "program.mode", new ProgramRequest("P", Mode: "cheapest") },
        { "program.minimum_score", new ProgramRequest("P", MinimumScore: 1001) },
        { "program.weights", new ProgramRequest("P", Weights: new WeightsView(0, 0, 0, 0, 0, 0)) },
        { "program.weights", new ProgramRequest("P", Weights: new WeightsView(11, 0, 0, 0, 0, 0)) },
        { "program.capacity", new ProgramRequest("P", Rules: new ProgramRulesView(true, true, false, true, 0)) },
        { "program.coordinators", new ProgramRequest("P", Coordinators: [Core.People.PersonId.New()]) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task CreateProgram_BadInput_IsAValidationErrorAndCreatesNothing(string code, ProgramRequest request)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var result = await app.InScopeAsync(s => s.Get<CreateProgram>().HandleAsync(TestApp.AdminActor, request, default));

        Assert.Equal((code, ErrorKind.Validation), (result.Error?.Code, result.Error?.Kind));
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.Db.Programs.CountAsync());
    }

    [Fact]
    public async Task CreateProgram_NotAdmin_Is403()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);

        var result = await app.InScopeAsync(s => s.Get<CreateProgram>().HandleAsync(TestApp.As(world.SupervisorA), new ProgramRequest("P"), default));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task CreateProgram_NaughtyNamesAndGoals_RoundTripOrAreRefusedCleanly(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var corpus = provider == Provider.Sqlite ? NaughtyStrings.All : NaughtyStrings.All.Where(s => s.Any(c => c is < ' ' or > '~')).ToList();
        var failures = new List<string>();
        foreach (var text in corpus.Concat(NaughtyStrings.RealNames).Append("a\0b").Append("\uD800"))
        {
            var result = await app.InScopeAsync(s => s.Get<CreateProgram>().HandleAsync(TestApp.AdminActor, new ProgramRequest(text, Goals: text), default));
            if (result.IsSuccess)
            {
                var read = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(TestApp.AdminActor, result.Value.Id, default)));
                if (read.Name != text.Trim() || read.Goals != text.Trim()) failures.Add($"{text}: read back {read.Name}");
            }
            else if (result.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))
            {
                failures.Add($"{text}: {result.Error.Code}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
