using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Notes;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Confidential;

public class PrivateNotesTests
{
    private static Task<Result<PrivateNoteView>> AddAsync(ConfidentialWorld w, Common.Actor actor, Guid mentorship, string text) =>
        w.App.InScopeAsync(s => s.Get<AddPrivateNote>().HandleAsync(actor, mentorship, new PrivateNoteRequest(text), default));

    private static Task<Result<PrivateNotesView>> ListAsync(ConfidentialWorld w, Common.Actor actor, Guid mentorship) =>
        w.App.InScopeAsync(s => s.Get<ListPrivateNotes>().HandleAsync(actor, mentorship, default));

    private static Task<Result<PrivateNoteView>> EditAsync(ConfidentialWorld w, Common.Actor actor, Guid id, string text, int version) =>
        w.App.InScopeAsync(s => s.Get<EditPrivateNote>().HandleAsync(actor, id, new PrivateNoteRequest(text, version), default));

    [Theory, BothProviders]
    public async Task EachSide_ReadsOnlyTheirOwnNotes_AndNobodyElseEvenByGuessingIds(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var menteeNote = await ConfidentialWorld.Ok(AddAsync(w, w.Mentee, w.Current, "CANARY-mentee-note"));
        var mentorNote = await ConfidentialWorld.Ok(AddAsync(w, w.Mentor, w.Current, "CANARY-mentor-note"));

        var mentee = await ConfidentialWorld.Ok(ListAsync(w, w.Mentee, w.Current));
        var mentor = await ConfidentialWorld.Ok(ListAsync(w, w.Mentor, w.Current));
        var crossEdit = await EditAsync(w, w.Mentor, menteeNote.Id, "overwritten", menteeNote.Version);
        var crossDelete = await app.InScopeAsync(s => s.Get<DeletePrivateNote>().HandleAsync(w.Mentee, mentorNote.Id, mentorNote.Version, default));

        Assert.Equal(["CANARY-mentee-note"], mentee.Notes.Select(n => n.Text));
        Assert.Equal(["CANARY-mentor-note"], mentor.Notes.Select(n => n.Text));
        Assert.Equal((ErrorKind.NotFound, ErrorKind.NotFound), (crossEdit.Error?.Kind, crossDelete.Error?.Kind));
        foreach (var (who, actor) in w.Outsiders)
        {
            Assert.True((await ListAsync(w, actor, w.Current)).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await EditAsync(w, actor, menteeNote.Id, "x", menteeNote.Version)).Error?.Kind == ErrorKind.NotFound, who);
            Assert.True((await AddAsync(w, actor, w.Current, "x")).Error?.Kind == ErrorKind.NotFound, who);
        }

        var sealedValues = await app.InScopeAsync(s => s.Db.PrivateNotes.Select(n => n.SealedText).ToListAsync());
        Assert.All(sealedValues, v => Assert.True(v.AsSpan().IndexOf("CANARY"u8) < 0));
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task TheFormerMentor_KeepsTheirOwnNotes_ButAddsNoMore(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var note = await ConfidentialWorld.Ok(AddAsync(w, w.FormerMentor, w.Former, "what I saw"));
        await ConfidentialWorld.Ok(AddAsync(w, w.Mentee, w.Former, "what I felt"));
        await w.EndAsync(w.Former);

        var kept = await ConfidentialWorld.Ok(ListAsync(w, w.FormerMentor, w.Former));
        var edited = await ConfidentialWorld.Ok(EditAsync(w, w.FormerMentor, note.Id, "what I saw, in hindsight", note.Version));
        var added = await AddAsync(w, w.FormerMentor, w.Former, "more");
        var laterMentor = await ListAsync(w, w.Mentor, w.Former);

        Assert.True(kept.ReadOnly);
        Assert.Equal(["what I saw"], kept.Notes.Select(n => n.Text));
        Assert.Equal("what I saw, in hindsight", edited.Text);
        Assert.Equal("mentorship.ended", added.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, laterMentor.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task AStaleEditOrDelete_IsAConflict_AndNaughtyTextRoundTrips(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ConfidentialWorld.CreateAsync(app);
        var note = await ConfidentialWorld.Ok(AddAsync(w, w.Mentee, w.Current, "first"));
        var first = await EditAsync(w, w.Mentee, note.Id, "second", note.Version);
        var stale = await EditAsync(w, w.Mentee, note.Id, "third", note.Version);
        var staleDelete = await app.InScopeAsync(s => s.Get<DeletePrivateNote>().HandleAsync(w.Mentee, note.Id, note.Version, default));

        Assert.True(first.IsSuccess);
        Assert.Equal(("concurrency.conflict", "concurrency.conflict"), (stale.Error?.Code, staleDelete.Error?.Code));
        Assert.Equal("second", (await ConfidentialWorld.Ok(ListAsync(w, w.Mentee, w.Current))).Notes.Single().Text);

        var failures = new List<string>();
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b"))
        {
            var saved = await AddAsync(w, w.Mentor, w.Current, text);
            if (saved.IsSuccess && saved.Value.Text != text.Trim()) failures.Add($"{text}: read back {saved.Value.Text}");
            if (!saved.IsSuccess && (saved.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"{text}: {saved.Error.Code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
