using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Health;

public class PulseTests
{
    private const string MenteeCanary = "CANARY-pulse-comment-of-the-mentee";
    private const string MentorCanary = "CANARY-pulse-comment-of-the-mentor";

    [Theory, BothProviders]
    public async Task AnswersAndComments_AreReadByTheirAuthorOnly_AndNeverInOtherAnswersMailsLogsOrTheDatabaseFile(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 1, 2, 3, 4, MenteeCanary));
        await HealthWorld.Ok(w.PulseAsync(w.Mentor, w.Current, 5, 5, 4, 5, MentorCanary));

        var mentee = await HealthWorld.Ok(w.MyPulsesAsync(w.Mentee, w.Current));
        var mentor = await HealthWorld.Ok(w.MyPulsesAsync(w.Mentor, w.Current));
        Assert.Equal((1, 2, 3, 4, MenteeCanary), (mentee.Pulses.Single().Trust, mentee.Pulses.Single().Safety, mentee.Pulses.Single().Value, mentee.Pulses.Single().Commitment, mentee.Pulses.Single().Comment));
        Assert.Equal([MentorCanary], mentor.Pulses.Select(p => p.Comment));
        Assert.False(mentee.Due);

        // Everything anyone else can ask for about this mentorship: no canary, no score of the other side.
        var answers = new List<string>
        {
            Json(await HealthWorld.Ok(w.ProgramHealthAsync())), Json(await HealthWorld.Ok(w.PairHealthAsync(w.Mentor))), Json(await HealthWorld.Ok(w.PairHealthAsync(w.Mentee))),
            Json(await HealthWorld.Ok(w.AdoptionAsync(w.Admin))), Json(mentor),
        };
        Assert.All(answers.Skip(1), a => Assert.DoesNotContain(MenteeCanary, a, StringComparison.Ordinal));
        Assert.DoesNotContain(MentorCanary, answers[0], StringComparison.Ordinal);
        Assert.DoesNotContain(MenteeCanary, answers[0], StringComparison.Ordinal);
        foreach (var (who, actor) in w.Outsiders)
        {
            Assert.True((await w.MyPulsesAsync(actor, w.Current)).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await w.PulseAsync(actor, w.Current, 3, 3, 3, 3)).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await w.PairHealthAsync(actor)).Error?.Kind == ErrorKind.NotFound, who);
        }

        var sealedValues = await app.InScopeAsync(s => s.Db.Pulses.Select(p => p.SealedAnswers).ToListAsync());
        Assert.Equal(2, sealedValues.Count);
        Assert.All(sealedValues, v => Assert.True(v.AsSpan().IndexOf("CANARY"u8) < 0 && v.AsSpan().IndexOf("trust"u8) < 0, "a sealed pulse holds plain text"));
        var mails = await app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(mails, m => Assert.DoesNotContain("CANARY", m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
        var audit = await app.InScopeAsync(s => s.Db.AuditEvents.AsNoTracking().Select(e => e.Action + e.Detail).ToListAsync());
        Assert.All(audit, a => Assert.DoesNotContain("CANARY", a, StringComparison.Ordinal));

        if (provider == Provider.Sqlite)
        {
            var file = app.Database.SqliteFile!;
            Assert.False(FileContains(file + "-wal", "CANARY"), "plain text in the SQLite WAL");
            await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));
            Assert.False(FileContains(file, "CANARY"), "plain text in the SQLite file");
            Assert.True(FileContains(file, "Zoë O'Brien"), "the check reads the file (a name is in it in plain text)");
        }
        else
        {
            var dump = await app.InScopeAsync(s => s.Db.Database.SqlQueryRaw<string>(
                "SELECT string_agg(encode(\"SealedAnswers\", 'escape'), ' ') AS \"Value\" FROM \"Pulses\"").SingleAsync());
            Assert.DoesNotContain("CANARY", dump, StringComparison.Ordinal);
        }
    }

    [Theory, BothProviders]
    public async Task OutOfRangeScores_AndBadComments_AreClearErrors_AndTheStoredAnswerIsUnchanged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        var first = await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 4, 4, 4, 4, "fine"));
        var version = first.ThisRound!.Version;

        (int, int, int, int)[] bad = [(0, 3, 3, 3), (3, 6, 3, 3), (3, 3, -1, 3), (3, 3, 3, int.MaxValue), (int.MinValue, 3, 3, 3)];
        foreach (var (t, s, v, c) in bad)
        {
            var result = await w.PulseAsync(w.Mentee, w.Current, t, s, v, c, "changed", version);
            Assert.Equal(("pulse.score", "Give each of trust, safety, value and commitment a score from 1 to 5."), (result.Error?.Code, result.Error?.Message));
        }

        var tooLong = await w.PulseAsync(w.Mentee, w.Current, 3, 3, 3, 3, new string('x', 1001), version);
        var control = await w.PulseAsync(w.Mentee, w.Current, 3, 3, 3, 3, "a\0b", version);
        Assert.Equal(("pulse.comment.too_long", "pulse.comment.invalid"), (tooLong.Error?.Code, control.Error?.Code));
        var stored = (await HealthWorld.Ok(w.MyPulsesAsync(w.Mentee, w.Current))).Pulses.Single();
        Assert.Equal((4, "fine", version), (stored.Trust, stored.Comment, stored.Version));

        var failures = new List<string>();
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames))
        {
            var current = (await HealthWorld.Ok(w.MyPulsesAsync(w.Mentee, w.Current))).ThisRound!.Version;
            var saved = await w.PulseAsync(w.Mentee, w.Current, 3, 3, 3, 3, text, current);
            var expected = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            if (saved.IsSuccess && saved.Value.ThisRound!.Comment != expected) failures.Add($"{text}: read back {saved.Value.ThisRound.Comment}");
            if (!saved.IsSuccess && (saved.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"{text}: {saved.Error.Code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, BothProviders]
    public async Task AnsweringAgainInARound_ChangesTheAnswer_AStaleOneIsAConflict_AndTheNextRoundIsANewPulse(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        var first = await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 4, 4, 4, 4));
        var changed = await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 3, 4, 4, 4, null, first.ThisRound!.Version));
        var stale = await w.PulseAsync(w.Mentee, w.Current, 2, 2, 2, 2, null, first.ThisRound.Version);
        Assert.Equal("concurrency.conflict", stale.Error?.Code);
        Assert.Equal(3, changed.ThisRound!.Trust);

        w.Weeks(4);
        var due = await HealthWorld.Ok(w.MyPulsesAsync(w.Mentee, w.Current));
        Assert.Equal((true, 1, new DateOnly(2026, 7, 13)), (due.Due, due.CurrentRound, due.RoundStart));
        var next = await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 5, 5, 5, 5));
        Assert.Equal([1, 0], next.Pulses.Select(p => p.Round));
        Assert.Equal([5, 3], next.Pulses.Select(p => p.Trust));

        // A former pair: nobody answers any more, and the former mentor does not even see their own old answers (DESIGN.md: former mentor, no).
        var ended = await w.PulseAsync(w.Mentee, w.Former, 3, 3, 3, 3);
        Assert.Equal("mentorship.ended", ended.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, (await w.MyPulsesAsync(Common.Actor.User(w.World.RepC.Id, "x", false), w.Former)).Error?.Kind);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static bool FileContains(string path, string needle)
    {
        if (!File.Exists(path)) return false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
    }
}
