using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Domain;
using SalesMentor.App.Matching;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Cli;
using SalesMentor.Core.Matching;

namespace SalesMentor.App.Tests.Cli;

/// <summary><c>salesmentor match</c>, both forms, invoked the way the shell does.</summary>
public class MatchCommandTests
{
    private const string Mentors = "id,capacity\nM1,2\nM2,1\n";
    private const string Mentees = "id\nE1\nE2\nE3\nE4\n";
    private const string Scores = "mentee,mentor,score\nE1,M1,80\nE1,M2,90\nE2,M1,70\nE3,M2,60\nE3,M1,10\n";

    private sealed class Files : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("salesmentor-match-").FullName;

        public string Write(string name, string text)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        public string Out => Path.Combine(Folder, "assignments.csv");

        public string[] Assignments => File.ReadAllText(Out).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private static Task<int> RunAsync(params string[] args) => CliProgram.Root().Parse(args).InvokeAsync();

    private static Task<int> SolveAsync(Files f, string mentors, string mentees, string scores, params string[] more) => RunAsync(
        ["match", "--mentors", f.Write("mentors.csv", mentors), "--mentees", f.Write("mentees.csv", mentees), "--scores", f.Write("scores.csv", scores), "--out", f.Out, .. more]);

    [Fact]
    public async Task Standalone_GoodFiles_WritesTheOptimalAssignments()
    {
        using var f = new Files();

        var code = await SolveAsync(f, Mentors, Mentees, Scores, "--forbidden", f.Write("forbidden.csv", "mentee,mentor\nE3,M1\n"));

        // M2 takes E3 (60) rather than E1 (90): three pairs beat two, and 80 + 70 + 60 is the best total of three.
        Assert.Equal(0, code);
        Assert.Equal(["mentee,mentor,score", "E1,M1,80", "E2,M1,70", "E3,M2,60"], f.Assignments);
    }

    [Theory]
    [InlineData("fair")]
    [InlineData("stable")]
    [InlineData("best")]
    public async Task Standalone_EveryMode_IsVerified(string mode)
    {
        using var f = new Files();

        Assert.Equal(0, await SolveAsync(f, Mentors, Mentees, Scores, "--mode", mode, "--min-score", "20"));
        Assert.DoesNotContain(f.Assignments, l => l.StartsWith("E3,M1", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string, string> Degenerate => new()
    {
        { "no mentors", "id,capacity\n", Mentees, "mentee,mentor,score\n", "mentee,mentor,score" },
        { "every pair forbidden", "id,capacity\nM1,1\n", "id\nE1\n", "mentee,mentor,score\nE1,M1,5\n", "mentee,mentor,score" },
        { "all scores equal", "id,capacity\nM1,1\nM2,1\n", "id\nE1\nE2\n", "mentee,mentor,score\nE1,M1,7\nE1,M2,7\nE2,M1,7\nE2,M2,7\n", "mentee,mentor,score|E1,M2,7|E2,M1,7" },
        { "one by one", "id,capacity\nM1,1\n", "id\nE1\n", "mentee,mentor,score\nE1,M1,0\n", "mentee,mentor,score|E1,M1,0" },
    };

    [Theory]
    [MemberData(nameof(Degenerate))]
    public async Task Standalone_DegenerateInputs_ExitZeroWithAClearResult(string name, string mentors, string mentees, string scores, string expected)
    {
        using var f = new Files();
        string[] forbidden = name == "every pair forbidden" ? ["--forbidden", f.Write("forbidden.csv", "mentee,mentor\nE1,M1\n")] : [];

        var code = await SolveAsync(f, mentors, mentees, scores, forbidden);

        Assert.Equal(0, code);
        Assert.Equal(expected.Split('|'), f.Assignments);
    }

    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        { "mentors", "name,seats\nM1,2\n", "mentors.csv, line 1: the header must be id,capacity", "" },
        { "mentors", "id,capacity\nM1,2\nM2,-1\n", "mentors.csv, line 3: the capacity '-1' is not a whole number of 0 or more", "" },
        { "mentors", "id,capacity\nM1,2\n\nM1,1\n", "mentors.csv, line 4: the mentor id 'M1' appears twice", "" },
        { "mentees", "id\nE1\nE1\n", "mentees.csv, line 3: the mentee id 'E1' appears twice", "" },
        { "mentees", "", "mentees.csv: the file is empty", "" },
        { "scores", "mentee,mentor,score\nE1,M1,80\nE9,M1,3\n", "scores.csv, line 3: the mentee 'E9' is not in the mentees file", "" },
        { "scores", "mentee,mentor,score\nE1,M7,3\n", "scores.csv, line 2: the mentor 'M7' is not in the mentors file", "" },
        { "scores", "mentee,mentor,score\nE1,M1,eighty\n", "scores.csv, line 2: the score 'eighty' is not a whole number from 0 to 1000000", "" },
        { "scores", "mentee,mentor,score\nE1,M1,1000001\n", "scores.csv, line 2: the score '1000001'", "" },
        { "scores", "mentee,mentor,score\nE1,M1,1\nE2,M1,2\nE1,M1,3\n", "scores.csv, line 4: the pair E1, M1 is listed twice", "" },
        { "scores", "mentee,mentor,score\nE1,M1\n", "scores.csv, line 2: expected 3 cells", "" },
        { "scores", "mentee,mentor,score\nE1,M1,1\nE2,\"M1,2\n", "scores.csv, line 3:", "" },
        { "forbidden", "mentee,mentor\nE1,M1\nE5,M1\n", "forbidden.csv, line 3: the mentee 'E5' is not in the mentees file", "" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Standalone_BadCsv_IsReportedWithItsLine_AndNothingIsWritten(string file, string text, string expected, string unused)
    {
        _ = unused;
        using var f = new Files();
        var paths = new Dictionary<string, string>
        {
            ["mentors"] = f.Write("mentors.csv", Mentors), ["mentees"] = f.Write("mentees.csv", Mentees),
            ["scores"] = f.Write("scores.csv", "mentee,mentor,score\nE1,M1,5\n"), ["forbidden"] = f.Write("forbidden.csv", "mentee,mentor\n"),
        };
        paths[file] = f.Write(file + ".csv", text);

        var (input, problems) = await MatchFiles.ReadAsync(paths["mentors"], paths["mentees"], paths["scores"], paths["forbidden"], 0, default);
        var code = await RunAsync("match", "--mentors", paths["mentors"], "--mentees", paths["mentees"], "--scores", paths["scores"], "--forbidden", paths["forbidden"], "--out", f.Out);

        Assert.Null(input);
        Assert.StartsWith(expected, problems[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(2, code);
        Assert.False(File.Exists(f.Out));
    }

    [Fact]
    public async Task Standalone_MissingArgumentsOrBadMode_ExitTwo()
    {
        using var f = new Files();

        var noScores = await RunAsync("match", "--mentors", f.Write("m.csv", Mentors), "--mentees", f.Write("e.csv", Mentees), "--out", f.Out);
        var badMode = await SolveAsync(f, Mentors, Mentees, Scores, "--mode", "cheapest");
        var badMin = await SolveAsync(f, Mentors, Mentees, Scores, "--min-score", "-5");
        var missing = await RunAsync("match", "--mentors", Path.Combine(f.Folder, "nope.csv"), "--mentees", f.Write("e.csv", Mentees), "--scores", f.Write("s.csv", Scores), "--out", f.Out);

        Assert.Equal((2, 2, 2, 2), (noScores, badMode, badMin, missing));
    }

    [Fact]
    public async Task Standalone_Result_CarriesTheCheckersVerdict()
    {
        using var f = new Files();
        var (input, _) = await MatchFiles.ReadAsync(f.Write("m.csv", Mentors), f.Write("e.csv", Mentees), f.Write("s.csv", Scores), null, 0, default);

        var result = SolveMatching.Solve(input!.Problem, MatchMode.Fairest);

        Assert.Equal(("optimality verified", 3, 60), (result.Verdict.Summary, result.Matched, result.WorstScore));
    }

    [Fact]
    public async Task Program_ByName_RunsTheBoardAndStoresTheProposals()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var p = await ProgramWorld.CreateAsync(app);
        await p.EnrollMentorAsync(p.World.Star, 2, ("closing", 5));
        await p.EnrollMenteeAsync(p.World.RepA, ("closing", 4, GapVisibility.ShareForMatching));
        await p.MoveToAsync(ProgramStatus.Matching);
        CliHost.Overrides.Value = app.Database.Settings;

        var code = await RunAsync("match", "--program", "spring COHORT", "--mode", "fair");
        var unknown = await RunAsync("match", "--program", "Autumn");

        Assert.Equal((0, 2), (code, unknown));
        var pair = await app.InScopeAsync(s => s.Db.MatchProposals.SingleAsync());
        Assert.Equal((p.World.Star.Id, ProposalStatus.Proposed), (pair.MentorId, pair.Status));
        Assert.Contains("Fairest", await app.InScopeAsync(s => s.Db.Programs.Select(x => x.LastRunJson).SingleAsync()), StringComparison.Ordinal);
    }
}
