using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ManagerRoles;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.Impact;

namespace SalesMentor.App.Tests.Features.ManagerRoles;

public class ManagerRolesTests
{
    private const string Canary = "CANARY-7f3e private: thinking of promoting";
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);

    private static LogInteractionRequest Entry(TestWorld w, ManagerRole role = ManagerRole.Coach, int minutes = 30, string topic = "Deal review: Acme", string? note = null, int daysAgo = 1) =>
        new(w.RepA.Id, Today.AddDays(-daysAgo), role, minutes, topic, note);

    private static async Task<(TestApp App, TestWorld World)> StartAsync(Provider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        return (app, world);
    }

    [Theory, BothProviders]
    public async Task Log_ByManagerOfTheRep_IsStoredAndAudited(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var logged = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, note: "my note"), default));
        Assert.True(logged.IsSuccess, logged.Error?.Message);
        Assert.Equal((w.SupervisorA.Id, w.RepA.Id, ManagerRole.Coach, 30, "my note"), (logged.Value.ManagerId, logged.Value.RepId, logged.Value.Role, logged.Value.Minutes, logged.Value.PrivateNote));
        await using var scope = app.Scope();
        Assert.True(await scope.Db.AuditEvents.AnyAsync(a => a.Action == "interaction.log"));
        Assert.DoesNotContain(await scope.Db.AuditEvents.Select(a => a.Detail).ToListAsync(), d => d != null && d.Contains("my note", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task Log_ByVpUpTheChain_IsAllowed_ButNotOutsideTheChain(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var vp = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.Vp), Entry(w), default));
        var other = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorB), Entry(w), default));
        var peer = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.RepB), Entry(w), default));
        var forOther = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorB), Entry(w) with { Manager = w.SupervisorA.Id }, default));
        var admin = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.Admin, admin: true), Entry(w) with { Rep = w.RepC.Id, Manager = w.SupervisorB.Id }, default));
        Assert.True(vp.IsSuccess, vp.Error?.Message);
        Assert.Equal("interaction.not_in_chain", other.Error?.Code);
        Assert.Equal("interaction.not_in_chain", peer.Error?.Code);
        Assert.Equal("interaction.own_only", forOther.Error?.Code);
        Assert.True(admin.IsSuccess, admin.Error?.Message);
        Assert.Equal(w.SupervisorB.Id, admin.Value.ManagerId);
    }

    [Theory, BothProviders]
    public async Task PrivateNote_NeverReachesAnotherPrincipal(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var logged = (await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, topic: "Career path", note: Canary, role: ManagerRole.Mentor), default))).Value;
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, role: ManagerRole.Coach), default));

        var others = new[] { TestApp.As(w.RepA), TestApp.As(w.Vp), TestApp.As(w.Admin, admin: true), TestApp.AdminActor, Actor.CommandLine, TestApp.As(w.SupervisorB), TestApp.As(w.RepB) };
        foreach (var actor in others)
        {
            var list = await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(actor, w.RepA.Id, default));
            var week = await app.InScopeAsync(s => s.Get<GetManagerWeek>().HandleAsync(actor, w.SupervisorA.Id, null, default));
            var support = await app.InScopeAsync(s => s.Get<GetRepSupport>().HandleAsync(actor, w.RepA.Id, default));
            var balance = await app.InScopeAsync(s => s.Get<GetRoleBalance>().HandleAsync(actor, new RoleBalanceRequest(), default));
            var both = await app.InScopeAsync(s => s.Get<GetRepInteractions>().HandleAsync(actor, w.RepA.Id, default));
            var text = Dump(list) + Dump(week) + Dump(support) + Dump(balance) + Dump(both);
            Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        }

        // The rep sees role, date and topic, not the minutes and not the note.
        var repView = (await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.RepA), w.RepA.Id, default))).Value;
        var mine = Assert.Single(repView, v => v.Id == logged.Id);
        Assert.Equal((ManagerRole.Mentor, "Career path", (int?)null, (string?)null), (mine.Role, mine.Topic, mine.Minutes, mine.PrivateNote));
        Assert.Equal(w.SupervisorA.Name, mine.ManagerName);
        // A colleague and a manager outside the chain see nothing of it.
        Assert.Empty((await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.RepB), w.RepA.Id, default))).Value);
        Assert.Empty((await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.SupervisorB), w.RepA.Id, default))).Value);
        Assert.Equal(ErrorKind.NotFound, (await app.InScopeAsync(s => s.Get<GetManagerWeek>().HandleAsync(TestApp.As(w.SupervisorB), w.SupervisorA.Id, null, default))).Error?.Kind);
        // The VP (up the chain) sees the entry, without the note.
        var vpView = (await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.Vp), w.RepA.Id, default))).Value;
        Assert.Equal(2, vpView.Count);
        Assert.All(vpView, v => Assert.Null(v.PrivateNote));
        // The author reads it back.
        var author = (await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.SupervisorA), w.RepA.Id, default))).Value;
        Assert.Equal(Canary, author.Single(v => v.Id == logged.Id).PrivateNote);

        static string Dump<T>(Result<T> r) => r.IsSuccess ? System.Text.Json.JsonSerializer.Serialize(r.Value) : r.Error!.Message;
    }

    [Theory, BothProviders]
    public async Task EditAndDelete_AreForTheAuthorOnly_AndStaleEditsConflict(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var logged = (await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w), default))).Value;
        var edit = new EditInteractionRequest(logged.Date, ManagerRole.Trainer, 45, "Discovery questions", "note", logged.Version);

        var byVp = await app.InScopeAsync(s => s.Get<EditInteraction>().HandleAsync(TestApp.As(w.Vp), logged.Id, edit, default));
        var byRep = await app.InScopeAsync(s => s.Get<EditInteraction>().HandleAsync(TestApp.As(w.RepA), logged.Id, edit, default));
        var byOutsider = await app.InScopeAsync(s => s.Get<EditInteraction>().HandleAsync(TestApp.As(w.SupervisorB), logged.Id, edit, default));
        var byAuthor = await app.InScopeAsync(s => s.Get<EditInteraction>().HandleAsync(TestApp.As(w.SupervisorA), logged.Id, edit, default));
        var stale = await app.InScopeAsync(s => s.Get<EditInteraction>().HandleAsync(TestApp.As(w.SupervisorA), logged.Id, edit with { Minutes = 5 }, default));
        Assert.Equal(ErrorKind.Forbidden, byVp.Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, byRep.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, byOutsider.Error?.Kind);
        Assert.True(byAuthor.IsSuccess, byAuthor.Error?.Message);
        Assert.Equal((ManagerRole.Trainer, 45, "Discovery questions"), (byAuthor.Value.Role, byAuthor.Value.Minutes!.Value, byAuthor.Value.Topic));
        Assert.Equal("concurrency.conflict", stale.Error?.Code);

        var delStale = await app.InScopeAsync(s => s.Get<DeleteInteraction>().HandleAsync(TestApp.As(w.SupervisorA), logged.Id, logged.Version, default));
        var delAdmin = await app.InScopeAsync(s => s.Get<DeleteInteraction>().HandleAsync(TestApp.As(w.Admin, admin: true), logged.Id, byAuthor.Value.Version, default));
        var del = await app.InScopeAsync(s => s.Get<DeleteInteraction>().HandleAsync(TestApp.As(w.SupervisorA), logged.Id, byAuthor.Value.Version, default));
        Assert.Equal("concurrency.conflict", delStale.Error?.Code);
        Assert.Equal(ErrorKind.Forbidden, delAdmin.Error?.Kind);
        Assert.True(del.IsSuccess);
        await using var scope = app.Scope();
        Assert.False(await scope.Db.ManagerInteractions.AnyAsync());
    }

    [Theory, BothProviders]
    public async Task NaughtyStrings_InTopicAndNote_AreStoredExactlyOrRefusedCleanly(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var stored = 0;
        foreach (var s in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var topic = s.Length > 200 ? s[..200] : s;
            var result = await app.InScopeAsync(x => x.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, topic: topic, note: s), default));
            if (!result.IsSuccess)
            {
                Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
                continue;
            }

            stored++;
            var back = (await app.InScopeAsync(x => x.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.SupervisorA), w.RepA.Id, default))).Value.Single(v => v.Id == result.Value.Id);
            Assert.Equal(topic.Trim(), back.Topic);
            Assert.Equal(s.Trim(), back.PrivateNote);
        }

        Assert.True(stored > 100, $"only {stored} naughty strings were accepted");
        foreach (var name in NaughtyStrings.RealNames)
        {
            var r = await app.InScopeAsync(x => x.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, topic: name, note: name), default));
            Assert.True(r.IsSuccess, r.Error?.Message);
        }
    }

    [Theory]
    [InlineData(0, "Topic", "interaction.minutes")]
    [InlineData(1441, "Topic", "interaction.minutes")]
    [InlineData(30, "  ", "interaction.topic")]
    [InlineData(30, "a\u0000b", "interaction.topic")]
    public async Task Log_BadInput_IsRefused(int minutes, string topic, string code)
    {
        var (app, w) = await StartAsync(Provider.Sqlite);
        await using var _ = app;
        var r = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, minutes: minutes, topic: topic), default));
        Assert.Equal(code, r.Error?.Code);
        var future = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, daysAgo: -1), default));
        Assert.Equal("interaction.date", future.Error?.Code);
    }

    [Theory, BothProviders]
    public async Task RoleBalance_UsesTheTargetMix_AndListsRepsWithoutCoaching(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var a = TestApp.As(w.SupervisorA);
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(a, Entry(w, ManagerRole.Coach, 60), default));
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(a, Entry(w, ManagerRole.Supervisor, 30) with { Rep = w.RepB.Id }, default));
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(a, Entry(w, ManagerRole.Mentor, 10, daysAgo: 60), default));
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorB), Entry(w, ManagerRole.Trainer, 90) with { Rep = w.RepC.Id }, default));
        var mix = (await app.InScopeAsync(s => s.Get<GetRoleTargetMix>().HandleAsync(a, default))).Value;
        var refused = await app.InScopeAsync(s => s.Get<SetRoleTargetMix>().HandleAsync(a, mix with { Supervisor = 25, Coach = 50, Trainer = 15, Mentor = 10 }, default));
        var wrongSum = await app.InScopeAsync(s => s.Get<SetRoleTargetMix>().HandleAsync(TestApp.AdminActor, mix with { Supervisor = 50, Coach = 50, Trainer = 15, Mentor = 10 }, default));
        var set = await app.InScopeAsync(s => s.Get<SetRoleTargetMix>().HandleAsync(TestApp.AdminActor, mix with { Supervisor = 25, Coach = 50, Trainer = 15, Mentor = 10 }, default));
        var stale = await app.InScopeAsync(s => s.Get<SetRoleTargetMix>().HandleAsync(TestApp.AdminActor, mix with { Supervisor = 25, Coach = 50, Trainer = 15, Mentor = 10 }, default));
        Assert.Equal(ErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Equal("role_target.sum", wrongSum.Error?.Code);
        Assert.True(set.IsSuccess);
        Assert.Equal("concurrency.conflict", stale.Error?.Code);

        var admin = (await app.InScopeAsync(s => s.Get<GetRoleBalance>().HandleAsync(TestApp.AdminActor, new RoleBalanceRequest("month", 3, 4), default))).Value;
        Assert.Equal([25, 50, 15, 10], new[] { admin.Target.Supervisor, admin.Target.Coach, admin.Target.Trainer, admin.Target.Mentor });
        Assert.Equal(3, admin.Total.Periods.Count);
        var june = admin.Total.Periods[^1];
        Assert.Equal([30, 60, 90, 0], june.Minutes);
        Assert.Equal(60d / 180 - 0.5, june.GapToTarget[(int)ManagerRole.Coach], 9);
        Assert.Equal(2, admin.Managers.Count);
        Assert.Equal(new[] { w.RepB.Id, w.RepC.Id, w.Star.Id, w.Admin.Id, w.Disabled.Id }.Order(), admin.NoCoaching.Select(r => r.RepId).Order());

        // Supervisor A sees only themselves; supervisor B's trainer minutes are not in their total.
        var own = (await app.InScopeAsync(s => s.Get<GetRoleBalance>().HandleAsync(a, new RoleBalanceRequest("month", 3, 4), default))).Value;
        Assert.Equal(w.SupervisorA.Id, Assert.Single(own.Managers).ManagerId);
        Assert.Equal([30, 60, 0, 0], own.Total.Periods[^1].Minutes);
        Assert.Equal(new[] { w.RepB.Id, w.Disabled.Id }.Order(), own.NoCoaching.Select(r => r.RepId).Order());
        // A rep sees no manager's balance.
        var rep = (await app.InScopeAsync(s => s.Get<GetRoleBalance>().HandleAsync(TestApp.As(w.RepA), new RoleBalanceRequest(), default))).Value;
        Assert.Empty(rep.Managers);
        Assert.Equal(0, rep.Total.Periods.Sum(p => p.TotalMinutes));
        Assert.Equal("role_balance.period", (await app.InScopeAsync(s => s.Get<GetRoleBalance>().HandleAsync(a, new RoleBalanceRequest("fortnight"), default))).Error?.Code);

        var support = (await app.InScopeAsync(s => s.Get<GetRepSupport>().HandleAsync(TestApp.As(w.RepA), w.RepA.Id, default))).Value;
        Assert.Equal([ManagerRole.Coach, ManagerRole.Mentor], support.Select(r => r.Role));
        Assert.All(support, r => Assert.Equal(w.SupervisorA.Name, r.ManagerName));
    }

    [Theory, BothProviders]
    public async Task ManagerWeek_ShowsTheWeeksEntriesAndTheRepsToLogFor(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var a = TestApp.As(w.SupervisorA);
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(a, Entry(w, ManagerRole.Coach, 20, daysAgo: 0), default));
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(a, Entry(w, ManagerRole.Coach, 20, daysAgo: 14), default));
        var week = (await app.InScopeAsync(s => s.Get<GetManagerWeek>().HandleAsync(a, null, Today, default))).Value;
        Assert.Equal(DayOfWeek.Monday, week.Monday.DayOfWeek);
        Assert.Single(week.Interactions);
        Assert.Equal([0, 20, 0, 0], week.MinutesByRole);
        Assert.Equal(new[] { w.RepA.Id, w.RepB.Id, w.Disabled.Id }.Order(), week.Reps.Select(r => r.Id).Order());
        Assert.True((await app.InScopeAsync(s => s.Get<GetManagerWeek>().HandleAsync(TestApp.As(w.Vp), w.SupervisorA.Id, Today, default))).IsSuccess);
        Assert.Equal(ErrorKind.NotFound, (await app.InScopeAsync(s => s.Get<GetManagerWeek>().HandleAsync(TestApp.As(w.RepA), w.SupervisorA.Id, Today, default))).Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task Import_IsAllOrNothing_WithLineNumberedErrors(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var day = Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bad = $"manager_email,rep_email,date,role,minutes,topic,private_note\n" +
                  $"sup.a@world.test,rep.a@world.test,{day},coach,30,\"Deal review, Acme\",\"secret\nline two\"\n" +
                  $"sup.a@world.test,rep.c@world.test,{day},coach,30,Outside the chain,\n" +
                  $"sup.a@world.test,rep.b@world.test,03/06/2026,coach,30,Bad date,\n" +
                  $"sup.a@world.test,rep.b@world.test,{day},cheerleader,30,Bad role,\n" +
                  $"sup.a@world.test,nobody@world.test,{day},coach,30,Nobody,\n";
        var failed = (await app.InScopeAsync(s => s.Get<ImportInteractions>().HandleAsync(TestApp.As(w.SupervisorA), Csv(bad), default))).Value;
        Assert.Equal(0, failed.Stored);
        Assert.Equal([(4, "rep_email"), (5, "date"), (6, "role"), (7, "rep_email")], failed.Problems.Select(p => (p.Line, p.Column)));
        await using (var scope = app.Scope()) Assert.False(await scope.Db.ManagerInteractions.AnyAsync());

        var good = string.Join('\n', bad.Split('\n').Take(3)) + "\n";
        var done = (await app.InScopeAsync(s => s.Get<ImportInteractions>().HandleAsync(TestApp.As(w.SupervisorA), Csv(good), default))).Value;
        Assert.Empty(done.Problems);
        Assert.Equal(1, done.Stored);
        var list = (await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(TestApp.As(w.SupervisorA), w.RepA.Id, default))).Value;
        Assert.Equal(("Deal review, Acme", "secret\nline two"), (list.Single().Topic, list.Single().PrivateNote));
        var missing = (await app.InScopeAsync(s => s.Get<ImportInteractions>().HandleAsync(TestApp.As(w.SupervisorA), Csv("rep_email,date\n"), default))).Value;
        Assert.Equal(1, Assert.Single(missing.Problems).Line);

        static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
    }

    [Theory, BothProviders]
    public async Task RepInteractions_AnswersWhatSupportAndListAnswer_ForEveryViewer(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, note: "mine", role: ManagerRole.Mentor), default));
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, role: ManagerRole.Coach, daysAgo: 2), default));
        await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.Vp), Entry(w, role: ManagerRole.Coach, daysAgo: 3), default));

        var viewers = new[] { TestApp.As(w.RepA), TestApp.As(w.SupervisorA), TestApp.As(w.Vp), TestApp.As(w.Admin, admin: true), TestApp.As(w.SupervisorB), TestApp.As(w.RepB) };
        foreach (var actor in viewers)
        {
            var both = await app.InScopeAsync(s => s.Get<GetRepInteractions>().HandleAsync(actor, w.RepA.Id, default));
            var list = await app.InScopeAsync(s => s.Get<ListRepInteractions>().HandleAsync(actor, w.RepA.Id, default));
            var support = await app.InScopeAsync(s => s.Get<GetRepSupport>().HandleAsync(actor, w.RepA.Id, default));
            Assert.Equal(list.IsSuccess, both.IsSuccess);
            Assert.Equal(support.IsSuccess, both.IsSuccess);
            if (!both.IsSuccess) continue;
            Assert.Equal(list.Value, both.Value.Entries);
            Assert.Equal(support.Value, both.Value.Support);
        }

        // Whoever may not see the rep learns nothing, not even that the rep exists.
        var unknown = await app.InScopeAsync(s => s.Get<GetRepInteractions>().HandleAsync(TestApp.As(w.RepA), new Core.People.PersonId(Guid.NewGuid()), default));
        Assert.Equal(ErrorKind.NotFound, unknown.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task Week_NamesARepWhoNoLongerReportsToTheManager(Provider provider)
    {
        var (app, w) = await StartAsync(provider);
        await using var _ = app;
        var logged = await app.InScopeAsync(s => s.Get<LogInteraction>().HandleAsync(TestApp.As(w.SupervisorA), Entry(w, daysAgo: 0), default));
        Assert.True(logged.IsSuccess, logged.Error?.Message);
        await app.SeedAsync(db =>
        {
            db.Attach(w.RepA);
            w.RepA.ManagerId = w.SupervisorB.Id;
        });

        var week = (await app.InScopeAsync(s => s.Get<GetManagerWeek>().HandleAsync(TestApp.As(w.SupervisorA), null, null, default))).Value;
        Assert.DoesNotContain(week.Reps, r => r.Id == w.RepA.Id);
        var entry = Assert.Single(week.Interactions, i => i.Id == logged.Value.Id);
        Assert.Equal((w.RepA.Name, w.SupervisorA.Name), (entry.RepName, entry.ManagerName));
    }
}
