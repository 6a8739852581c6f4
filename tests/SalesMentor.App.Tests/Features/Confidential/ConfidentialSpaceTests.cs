using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Mentorships;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

public class ConfidentialSpaceTests
{
    private const string Canary = "CANARY-7f3a9c-worried-about-my-pipeline";
    private const string ReplyCanary = "CANARY-b81e44-lets-talk-thursday";

    [Theory, BothProviders]
    public async Task MenteeRaises_MentorAnswers_TheThreadReadsBackForBoth(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);

        var raised = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, Canary, ConcernKind.Shortcoming));
        var answered = await ConfidentialWorld.Ok(w.ReplyAsync(w.Mentor, raised.Id, ReplyCanary));
        var discussed = await ConfidentialWorld.Ok(w.StatusAsync(w.Mentor, raised.Id, ConcernStatus.Discussed, answered.Version));
        var menteeView = await ConfidentialWorld.Ok(w.ListAsync(w.Mentee, w.Current));
        var mentorView = await ConfidentialWorld.Ok(w.GetAsync(w.Mentor, raised.Id));

        Assert.Equal((ConcernKind.Shortcoming, ConcernStatus.Open, Canary, "Zoë O'Brien"), (raised.Kind, raised.Status, raised.Text, raised.RaisedBy.Name));
        Assert.Equal(ConcernStatus.Discussed, discussed.Status);
        var concern = Assert.Single(menteeView.Concerns);
        Assert.Equal(("mentee", false), (menteeView.Side, menteeView.ReadOnly));
        Assert.Equal((Canary, ConcernStatus.Discussed), (concern.Text, concern.Status));
        Assert.Equal([("Stella Star", ReplyCanary)], concern.Replies.Select(r => (r.Author.Name, r.Text)));
        Assert.Equal(concern.Replies.Single().Text, mentorView.Replies.Single().Text);
    }

    [Theory, BothProviders]
    public async Task Outsiders_GetNotFound_ByMentorshipAndByGuessedConcernId_AndLearnNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var concern = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, Canary));
        await ConfidentialWorld.Ok(w.ReplyAsync(w.Mentor, concern.Id, ReplyCanary));

        var failures = new List<string>();
        foreach (var (who, actor) in w.Outsiders)
        {
            var answers = new (string What, Error? Error)[]
            {
                ("list", (await w.ListAsync(actor, w.Current)).Error),
                ("get", (await w.GetAsync(actor, concern.Id)).Error),
                ("reply", (await w.ReplyAsync(actor, concern.Id, "CANARY-outsider")).Error),
                ("status", (await w.StatusAsync(actor, concern.Id, ConcernStatus.Resolved, concern.Version)).Error),
                ("edit", (await w.EditAsync(actor, concern.Id, "CANARY-outsider", concern.Version)).Error),
                ("raise", (await w.RaiseAsync(w.Current, "CANARY-outsider", actor: actor)).Error),
                ("reads", (await w.ReadsAsync(actor, w.Current)).Error),
            };
            foreach (var (what, error) in answers)
            {
                if (error?.Kind != ErrorKind.NotFound) failures.Add($"{who} {what}: {error?.Kind.ToString() ?? "success"}");
                if (error?.Message.Contains("CANARY", StringComparison.Ordinal) == true) failures.Add($"{who} {what}: the message carries text");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var stored = await app.InScopeAsync(s => s.Db.Concerns.AsNoTracking().SingleAsync());
        Assert.Equal((ConcernStatus.Open, 1), (stored.Status, await app.InScopeAsync(s => s.Db.ConcernReplies.CountAsync())));

        // The supervisor chain and the admin see the mentorship itself (goals and progress), but not that there is a confidential space to enter.
        var supervisor = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetMentorship>().HandleAsync(TestApp.As(w.World.SupervisorA), w.Current, default)));
        Assert.Equal((null, false), (supervisor.MySide, supervisor.Confidential));
        var mentor = await ConfidentialWorld.Ok(app.InScopeAsync(s => s.Get<GetMentorship>().HandleAsync(w.Mentor, w.Current, default)));
        Assert.Equal(("mentor", true), (mentor.MySide, mentor.Confidential));
        Assert.Equal(ErrorKind.NotFound, (await app.InScopeAsync(s => s.Get<GetMentorship>().HandleAsync(TestApp.As(w.World.RepB), w.Current, default))).Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task OnceEnded_TheFormerMentorAndALaterMentorGetNotFound_TheMenteeStillReads(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var old = await ConfidentialWorld.Ok(w.RaiseAsync(w.Former, Canary));
        Assert.Equal(Canary, (await ConfidentialWorld.Ok(w.GetAsync(w.FormerMentor, old.Id))).Text); // while it runs, the mentor reads
        await w.EndAsync(w.Former);

        var former = new[] { (await w.ListAsync(w.FormerMentor, w.Former)).Error?.Kind, (await w.GetAsync(w.FormerMentor, old.Id)).Error?.Kind,
            (await w.ReplyAsync(w.FormerMentor, old.Id, "late")).Error?.Kind, (await w.ReadsAsync(w.FormerMentor, w.Former)).Error?.Kind };
        var later = new[] { (await w.ListAsync(w.Mentor, w.Former)).Error?.Kind, (await w.GetAsync(w.Mentor, old.Id)).Error?.Kind };
        var mentee = await ConfidentialWorld.Ok(w.ListAsync(w.Mentee, w.Former));
        var write = await w.ReplyAsync(w.Mentee, old.Id, "after the end");
        var raise = await w.RaiseAsync(w.Former, "after the end");
        var laterSpace = await ConfidentialWorld.Ok(w.ListAsync(w.Mentor, w.Current));
        var formerMentorship = await app.InScopeAsync(s => s.Get<GetMentorship>().HandleAsync(w.FormerMentor, w.Former, default));

        Assert.All(former, k => Assert.Equal(ErrorKind.NotFound, k));
        Assert.All(later, k => Assert.Equal(ErrorKind.NotFound, k));
        Assert.Equal(ErrorKind.NotFound, formerMentorship.Error?.Kind);
        Assert.True(mentee.ReadOnly);
        Assert.Equal(Canary, mentee.Concerns.Single().Text);
        Assert.Equal(("mentorship.ended", "mentorship.ended"), (write.Error?.Code, raise.Error?.Code));
        Assert.Empty(laterSpace.Concerns); // the later mentor's space starts empty
    }

    [Theory, BothProviders]
    public async Task Text_IsSealedAtRest_AndNeverInMailsLogsOrTheAuditLog(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var concern = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, Canary));
        await ConfidentialWorld.Ok(w.ReplyAsync(w.Mentor, concern.Id, ReplyCanary));
        await ConfidentialWorld.Ok(w.EditAsync(w.Mentee, concern.Id, Canary + " (edited)", concern.Version));
        await ConfidentialWorld.Ok(w.ListAsync(w.Mentor, w.Current));

        var sealedValues = await app.InScopeAsync(async s => (await s.Db.Concerns.Select(c => c.SealedText).ToListAsync())
            .Concat(await s.Db.ConcernReplies.Select(r => r.SealedText).ToListAsync()).ToList());
        var mails = await app.InScopeAsync(s => s.Db.Outbox.AsNoTracking().ToListAsync());
        var audit = await app.InScopeAsync(s => s.Db.AuditEvents.AsNoTracking().ToListAsync());

        Assert.Equal(2, sealedValues.Count);
        Assert.All(sealedValues, v => Assert.False(Contains(v, "CANARY"), "a sealed value holds plain text"));
        Assert.Equal(["rep.a@world.test", "star@world.test"], mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.Equal("You have a new message in your mentorship", m.Subject);
            Assert.DoesNotContain("CANARY", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("pipeline", m.TextBody, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
        Assert.All(audit, e => Assert.DoesNotContain("CANARY", $"{e.Action} {e.ResourceType} {e.ResourceId} {e.Detail}", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "concern.raise" && e.ResourceId == concern.Id.ToString());

        // The key lives outside the database, readable by the owner only.
        var keyFile = Path.Combine(app.Database.Folder, "confidential.key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        if (provider == Provider.Sqlite)
        {
            // Checkpoint nothing on purpose first: the canary must be neither in the WAL nor, after a checkpoint, in the main file.
            var file = app.Database.SqliteFile!;
            Assert.False(FileContains(file + "-wal", "CANARY"), "plain text in the SQLite WAL");
            await app.InScopeAsync(s => s.Db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));
            Assert.False(FileContains(file, "CANARY"), "plain text in the SQLite file");
            Assert.True(FileContains(file, "Zoë O'Brien"), "the check reads the file (a name is in it in plain text)");
        }
        else
        {
            var dump = await app.InScopeAsync(s => s.Db.Database.SqlQueryRaw<string>(
                "SELECT string_agg(encode(\"SealedText\", 'escape'), ' ') AS \"Value\" FROM (SELECT \"SealedText\" FROM \"Concerns\" UNION ALL SELECT \"SealedText\" FROM \"ConcernReplies\") x").SingleAsync());
            Assert.DoesNotContain("CANARY", dump, StringComparison.Ordinal);
        }
    }

    [Theory, BothProviders]
    public async Task EveryRead_IsAudited_AndTheMenteeSeesWhoRead(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var concern = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, Canary));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await ConfidentialWorld.Ok(w.GetAsync(w.Mentor, concern.Id));
        await ConfidentialWorld.Ok(w.ListAsync(w.Mentor, w.Current));
        await w.GetAsync(TestApp.As(w.World.Admin, admin: true), concern.Id); // refused: not a read

        var reads = await ConfidentialWorld.Ok(w.ReadsAsync(w.Mentee, w.Current));

        var byMentor = reads.Where(r => r.Reader == "Stella Star").ToList();
        Assert.Equal(2, byMentor.Count);
        Assert.All(byMentor, r => Assert.Equal((concern.Id, false, TestApp.DefaultNow.UtcDateTime.AddHours(2)), (r.ConcernId, r.Me, r.At)));
        Assert.DoesNotContain(reads, r => r.Reader == "Ada Admin");
        Assert.Contains(reads, r => r.Me); // the mentee's own read when raising
        var events = await app.InScopeAsync(s => s.Db.AuditEvents.AsNoTracking().Where(e => e.Action == "concern.read").ToListAsync());
        Assert.All(events, e => Assert.Null(e.Detail));
    }

    [Theory, BothProviders]
    public async Task TwoEditsOfTheSameVersion_OneWins_TheOtherIsAConflict(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var concern = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, "first words"));

        var mentor = await w.StatusAsync(w.Mentor, concern.Id, ConcernStatus.Discussed, concern.Version);
        var mentee = await w.EditAsync(w.Mentee, concern.Id, "second words", concern.Version);
        var again = await w.StatusAsync(w.Mentee, concern.Id, ConcernStatus.Resolved, concern.Version);

        Assert.True(mentor.IsSuccess);
        Assert.Equal(("concurrency.conflict", "concurrency.conflict"), (mentee.Error?.Code, again.Error?.Code));
        var now = await ConfidentialWorld.Ok(w.GetAsync(w.Mentee, concern.Id));
        Assert.Equal(("first words", ConcernStatus.Discussed), (now.Text, now.Status));
        var edited = await ConfidentialWorld.Ok(w.EditAsync(w.Mentee, concern.Id, "second words", now.Version));
        Assert.Equal(("second words", ConcernKind.Shortcoming), (edited.Text, edited.Kind));
    }

    [Fact]
    public async Task TheMentorAnswers_ButNeitherRaisesNorRewritesTheMenteesWords()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var w = await ConfidentialWorld.CreateAsync(app);
        var concern = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, "mine"));

        var raise = await w.RaiseAsync(w.Current, "the mentor's", actor: w.Mentor);
        var edit = await w.EditAsync(w.Mentor, concern.Id, "rewritten", concern.Version);
        var empty = await w.RaiseAsync(w.Current, "   ");
        var control = await w.ReplyAsync(w.Mentor, concern.Id, "a\0b");
        var tooLong = await w.RaiseAsync(w.Current, new string('x', TextRules.MaxText + 1));
        var badKind = await app.InScopeAsync(s => s.Get<App.Features.Confidential.RaiseConcern>().HandleAsync(w.Mentee, w.Current,
            new App.Features.Confidential.RaiseConcernRequest((ConcernKind)42, "x"), default));

        Assert.Equal(("concern.mentee_only", "concern.author_only"), (raise.Error?.Code, edit.Error?.Code));
        Assert.Equal(["concern.text.required", "reply.text.invalid", "concern.text.too_long", "concern.kind"],
            new[] { empty, control, tooLong, badKind }.Select(r => r.Error?.Code));
        Assert.Equal("mine", (await ConfidentialWorld.Ok(w.GetAsync(w.Mentee, concern.Id))).Text);
    }

    [Theory, BothProviders]
    public async Task NaughtyStrings_RoundTripExactly_OrAreRefusedWithAClearError(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var concern = await ConfidentialWorld.Ok(w.RaiseAsync(w.Current, "thread"));
        var failures = new List<string>();
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b").Append("\ud800 lone"))
        {
            app.Clock.Advance(TimeSpan.FromMilliseconds(1)); // replies are threaded by time
            var raised = await w.RaiseAsync(w.Current, text);
            var reply = await w.ReplyAsync(w.Mentor, concern.Id, text);
            foreach (var (what, result, read) in new[] { ("raise", raised.Error, raised.IsSuccess ? raised.Value.Text : null),
                         ("reply", reply.Error, reply.IsSuccess ? reply.Value.Replies[^1].Text : null) })
            {
                if (result is null && read != text.Trim()) failures.Add($"{what} {text}: read back {read}");
                if (result is not null && (result.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"{what} {text}: {result.Code}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var all = await ConfidentialWorld.Ok(w.ListAsync(w.Mentee, w.Current));
        Assert.Contains(all.Concerns, c => c.Text == "Zoë Ångström");
    }

    [Fact]
    public async Task ASealedValue_OpensOnlyOnItsOwnRecord_AndOnlyWithItsKey()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var folder = app.Database.Folder;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = folder }).Build();
        var other = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Confidential:KeyFile"] = Path.Combine(folder, "other", "k.key") }).Build();
        var cipher = new ConfidentialCipher(config);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var value = cipher.Seal(Canary, a, "concern.text");

        Assert.Equal(Canary, new ConfidentialCipher(config).Open(value, a, "concern.text")); // a second instance reads the same key file
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Open(value, b, "concern.text"));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Open(value, a, "concern.reply"));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => new ConfidentialCipher(other).Open(value, a, "concern.text"));
        value[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Open(value, a, "concern.text"));
        Assert.NotEqual(cipher.Seal(Canary, a, "concern.text"), cipher.Seal(Canary, a, "concern.text")); // a fresh nonce each time
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    private static bool FileContains(string path, string needle)
    {
        if (!File.Exists(path)) return false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Contains(memory.ToArray(), needle);
    }
}
