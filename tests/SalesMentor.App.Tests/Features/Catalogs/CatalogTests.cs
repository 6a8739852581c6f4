using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Catalogs;
using SalesMentor.App.Tests.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Catalogs;

public class CatalogTests
{
    [Theory, BothProviders]
    public async Task Catalogs_Defaults_AreSeededWithTheKpiSkillKeys(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var catalogs = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<ListCatalogs>().HandleAsync(TestApp.AdminActor, false, default)));

        Assert.Equal(10, catalogs.Skills.Count);
        Assert.Superset(new HashSet<string?> { "prospecting", "qualifying", "closing", "negotiating", "time-management" }, catalogs.Skills.Select(s => s.Key).ToHashSet());
        Assert.Contains(catalogs.Behaviours, b => b.Signal == CrmSignal.OpenOpportunitiesTouchedLast14Days && b.SkillKeys.Count > 0);
        Assert.Contains(catalogs.Values, v => v.Name == "Integrity" && v.Description is not null);
    }

    [Theory, BothProviders]
    public async Task SaveAndArchive_ByAdmin_WithVersions(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = TestApp.AdminActor;
        Task<Result<CatalogItemView>> Save(CatalogKind kind, Guid? id, CatalogItemRequest r) => app.InScopeAsync(s => s.Get<SaveCatalogItem>().HandleAsync(admin, kind, id, r, default));

        var skill = await ProgramWorld.Ok(Save(CatalogKind.Skills, null, new CatalogItemRequest("Social selling (LinkedIn)", "Finding buyers where they talk")));
        var taken = await Save(CatalogKind.Skills, null, new CatalogItemRequest("Closing", null, Key: "closing"));
        var behaviour = await ProgramWorld.Ok(Save(CatalogKind.Behaviours, null, new CatalogItemRequest("Posts weekly", null, SkillKeys: [skill.Key!], Signal: CrmSignal.PipelineCreatedPerMonth)));
        var unknownSkill = await Save(CatalogKind.Behaviours, null, new CatalogItemRequest("Juggles", null, SkillKeys: ["juggling"]));
        var renamed = await ProgramWorld.Ok(Save(CatalogKind.Behaviours, behaviour.Id, new CatalogItemRequest("Posts twice a week", null, SkillKeys: [skill.Key!], Version: behaviour.Version)));
        var stale = await Save(CatalogKind.Behaviours, behaviour.Id, new CatalogItemRequest("Posts daily", null, Version: behaviour.Version));
        var archived = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<ArchiveCatalogItem>().HandleAsync(admin, CatalogKind.Skills, skill.Id, skill.Version, default)));
        var visible = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<ListCatalogs>().HandleAsync(admin, false, default)));
        var all = await ProgramWorld.Ok(app.InScopeAsync(s => s.Get<ListCatalogs>().HandleAsync(admin, true, default)));

        Assert.Equal("social-selling-linkedin", skill.Key);
        Assert.Equal("catalog.key_taken", taken.Error?.Code);
        Assert.Equal("catalog.skills", unknownSkill.Error?.Code);
        Assert.Equal(("Posts twice a week", behaviour.Version + 1), (renamed.Name, renamed.Version));
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
        Assert.True(archived.Archived);
        Assert.DoesNotContain(visible.Skills, s => s.Id == skill.Id);
        Assert.Contains(all.Skills, s => s.Id == skill.Id && s.Archived);
    }

    [Fact]
    public async Task Save_NotAdmin_Is403_AndNaughtyNamesRoundTripOrAre400()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);

        var rep = await app.InScopeAsync(s => s.Get<SaveCatalogItem>().HandleAsync(TestApp.As(world.RepA), CatalogKind.Values, null, new CatalogItemRequest("Speed", null), default));
        Assert.Equal(ErrorKind.Forbidden, rep.Error?.Kind);

        var failures = new List<string>();
        foreach (var text in NaughtyStrings.All.Concat(NaughtyStrings.RealNames).Append("a\0b"))
        {
            var saved = await app.InScopeAsync(s => s.Get<SaveCatalogItem>().HandleAsync(TestApp.AdminActor, CatalogKind.Values, null, new CatalogItemRequest(text, text), default));
            if (saved.IsSuccess && (saved.Value.Name != text.Trim() || saved.Value.Description != text.Trim())) failures.Add($"{text}: read back {saved.Value.Name}");
            if (!saved.IsSuccess && (saved.Error!.Kind != ErrorKind.Validation || NaughtyStrings.RealNames.Contains(text))) failures.Add($"{text}: {saved.Error.Code}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
