using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Matching;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Matching;

public class ImportMentorshipsTests
{
    private static Task<Result<MentorshipImportOutcome>> ImportAsync(TestApp app, Actor actor, string csv, Guid? program = null, bool dryRun = false) =>
        app.InScopeAsync(s => s.Get<ImportMentorships>().HandleAsync(actor, new MemoryStream(Encoding.UTF8.GetBytes(csv)), program, default, dryRun));

    [Theory, BothProviders]
    public async Task Import_DryRun_ListsTheRowsWithThePeopleFound_AndWritesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        const string Once = "mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-01-15\n";
        await ProgramWorld.Ok(ImportAsync(app, p.Admin, Once, p.ProgramId));
        var auditBefore = await app.InScopeAsync(s => s.Db.AuditEvents.CountAsync());

        var dry = await ProgramWorld.Ok(ImportAsync(app, p.Admin, Once + "Sue Supervisor,rep.c@world.test,2024-02-01\n", p.ProgramId, dryRun: true));

        Assert.Equal((true, 1, 1), (dry.DryRun, dry.Created, dry.Unchanged));
        Assert.Equal(
            [(2, "Stella Star", "Zoë O'Brien", new DateOnly(2025, 1, 15), false), (3, "Sue Supervisor", "Ahmed Al-Farsi", new DateOnly(2024, 2, 1), true)],
            dry.Rows!.Select(r => (r.Line, r.Mentor.Name, r.Mentee.Name, r.StartedOn, r.IsNew)));
        Assert.Equal(1, await app.InScopeAsync(s => s.Db.Mentorships.CountAsync()));
        Assert.Equal(auditBefore, await app.InScopeAsync(s => s.Db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task Import_IntoAProgram_ItsCoordinatorMay_OthersAre403()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        var program = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<GetProgram>().HandleAsync(p.Admin, p.ProgramId, default)));
        await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<UpdateProgram>().HandleAsync(p.Admin, p.ProgramId, new ProgramRequest(
            program.Name, program.Goals, program.StartsOn, program.EndsOn, program.Mode, program.MinimumScore, program.Weights, program.Rules,
            [p.World.RepB.Id], program.Version), default)));
        const string Csv = "mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-01-15\n";

        var coordinator = await ImportAsync(app, TestApp.As(p.World.RepB), Csv, p.ProgramId);
        var other = await ImportAsync(app, TestApp.As(p.World.RepA), Csv, p.ProgramId, dryRun: true);
        var noProgram = await ImportAsync(app, TestApp.As(p.World.RepB), Csv);

        Assert.Equal(1, coordinator.Value.Created);
        Assert.Equal((ErrorKind.Forbidden, ErrorKind.Forbidden), (other.Error?.Kind, noProgram.Error?.Kind));
    }

    [Theory, BothProviders]
    public async Task Import_GoodFile_CreatesOnce_AndThePairIsExcludedFromMatchingAfter(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var p = await ProgramWorld.CreateAsync(app);
        const string Csv = "Mentor,Mentee,Start_Date,end_date\r\nstar@world.test,Zoë O'Brien,2025-01-15,\r\nSue Supervisor,rep.b@world.test,2024-02-01,2024-12-31\r\n";

        var first = await ProgramWorld.Ok(ImportAsync(app, p.Admin, Csv));
        var again = await ProgramWorld.Ok(ImportAsync(app, p.Admin, Csv));
        await p.EnrollMentorAsync(p.World.Star, 1, ("closing", 5));
        await p.EnrollMenteeAsync(p.World.RepA, ("closing", 5, GapVisibility.ShareForMatching));
        await p.MoveToAsync(ProgramStatus.Matching);
        var board = await p.RunAsync();

        Assert.Equal((2, 0), (first.Created, first.Unchanged));
        Assert.Equal((0, 2), (again.Created, again.Unchanged));
        var stored = await app.InScopeAsync(s => s.Db.Mentorships.OrderBy(m => m.StartedOn).ToListAsync());
        Assert.Equal([MentorshipStage.Closed, MentorshipStage.Active], stored.Select(m => m.Stage));
        Assert.All(stored, m => Assert.Equal("imported", m.Source));
        Assert.Equal("AllExcluded", board.Unmatched.Single().Reason);
        Assert.Contains("mentor and mentee before", board.Unmatched.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mentor,mentee\nstar@world.test,rep.a@world.test\n", 1, "mentor, mentee and start_date")]
    [InlineData("mentor,mentee,start_date\nstar@world.test,nobody@world.test,2025-01-01\n", 2, "No one in the directory")]
    [InlineData("mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-01-01\nstar@world.test,rep.a@world.test,01/02/2025\n", 3, "not a date")]
    [InlineData("mentor,mentee,start_date\nstar@world.test,star@world.test,2025-01-01\n", 2, "same person")]
    [InlineData("mentor,mentee,start_date\nstar@world.test,\"rep.a@world.test,2025-01-01\n", 2, "quote")]
    [InlineData("", 0, "empty")]
    public async Task Import_BadFile_ReportsTheLineAndSavesNothing(string csv, int line, string message)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);

        var outcome = await ProgramWorld.Ok(ImportAsync(app, p.Admin, csv));

        var problem = outcome.Problems[0];
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.InScopeAsync(s => s.Db.Mentorships.CountAsync()));
    }

    [Fact]
    public async Task Import_NotAnAdmin_Is403()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);

        var outcome = await ImportAsync(app, TestApp.As(p.World.SupervisorA), "mentor,mentee,start_date\n");

        Assert.Equal(ErrorKind.Forbidden, outcome.Error?.Kind);
    }
}
