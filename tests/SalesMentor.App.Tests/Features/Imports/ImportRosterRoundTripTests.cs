using System.Text;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.RosterImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>What goes in comes out unchanged: our own export, real names, formula-like text.</summary>
public class ImportRosterRoundTripTests
{
    [Theory, BothProviders]
    public async Task ExportThenImport_ChangesNothing(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SmallOrg.CreateAsync(app);
        await ImportAsync(app, Csv(
            "name,title,manager_email,manager_name,left_date,crm_owner_ids",
            "Nadia NoMail,=HYPERLINK(\"http://evil.test\";\"x\"),li@org.test,,2026-01-31,HS-9;SF-9",
            "@Omar NoMail,-Discounts +5%,,Nadia NoMail,,"));
        var before = await SnapshotAsync(app);
        var export = await app.InScopeAsync(s => s.Get<ExportPeople>().HandleAsync(TestApp.AdminActor, new ExportPeopleRequest(), default));
        Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(export.Value.Content), StringComparison.Ordinal);

        var run = (await ImportAsync(app, export.Value.Content)).Value;

        Assert.Equal((ImportStatus.Completed, 0, 0, 7), (run.Status, run.Added, run.Updated, run.Unchanged));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory, BothProviders]
    public async Task RealNames_RoundTripUnchanged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var names = NaughtyStrings.RealNames;
        var csv = Csv(["name,title,team,region", .. names.Select((n, i) => $"\"{n}\",\"{n}\",\"{n}\",\"{names[(i + 1) % names.Count]}\"")]);

        var first = (await ImportAsync(app, csv)).Value;
        var second = (await ImportAsync(app, csv)).Value;

        Assert.Equal((names.Count, 0, names.Count), (first.Added, second.Added, second.Unchanged));
        var people = await PeopleAsync(app);
        Assert.Equal(names.Order(StringComparer.Ordinal), people.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(people, p => Assert.Equal((p.Name, p.Name), (p.Title, p.Team!.Name)));
    }

    [Theory, BothProviders]
    public async Task NaughtyStrings_InEveryTextCell_EachRowImportsExactlyOrGetsAClearError(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var all = NaughtyStrings.All;
        var csv = Csv(["external_id,name,title,team,region", .. all.Select(s => string.Join(",", Enumerable.Repeat(Quote(s), 5)))]);
        var strict = (await ImportAsync(app, csv)).Value;
        Assert.Equal((ImportStatus.Rejected, 0), (strict.Status, (await PeopleAsync(app)).Count));

        // In batches, so no row's errors fall beyond the 1,000 a run keeps.
        foreach (var strings in all.Chunk(150))
        {
            var run = (await ImportAsync(app, Csv(["external_id,name,title,team,region", .. strings.Select(s => string.Join(",", Enumerable.Repeat(Quote(s), 5)))]), skipBadRows: true)).Value;
            Assert.Equal(ImportStatus.Completed, run.Status);
            var people = (await PeopleAsync(app)).ToDictionary(p => p.ExternalId ?? "(none) " + p.Name);
            var bad = run.Errors.Select(e => e.Line).ToHashSet();
            var lines = FirstLines(strings, cellsPerRow: 5);
            for (var i = 0; i < strings.Length; i++)
            {
                var expected = AsStored(strings[i]);
                if (expected.Length == 0 && !bad.Contains(lines[i])) continue; // a line of blank cells is skipped, like an empty line
                if (bad.Contains(lines[i]))
                {
                    Assert.All(run.Errors.Where(e => e.Line == lines[i]), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
                    continue;
                }

                Assert.True(people.TryGetValue(expected, out var person), $"Line {lines[i]} has no error but was not imported.");
                Assert.Equal((expected, expected, expected), (person.Name, person.Title, person.ExternalId));
                Assert.Equal(Core.Text.TextFold.NameKey(expected), Core.Text.TextFold.NameKey(person.Team!.Name));
            }

            Assert.Equal(run.Rows - run.RejectedRows, run.Added + run.Unchanged);
        }
    }

    [Theory, BothProviders]
    public async Task NaughtyStrings_InStructuredCells_NeverHalfImport(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var offset = 0;
        foreach (var strings in NaughtyStrings.All.Chunk(150))
        {
            var csv = Csv(["name,email,hire_date,left_date,time_zone,manager,crm_owner_ids",
                .. strings.Select((s, i) => $"Naughty {offset + i}," + string.Join(",", Enumerable.Repeat(Quote(s), 6)))]);
            var run = (await ImportAsync(app, csv, skipBadRows: true)).Value;

            Assert.Equal(ImportStatus.Completed, run.Status);
            var people = (await PeopleAsync(app)).ToDictionary(p => p.Name);
            var bad = run.Errors.Select(e => e.Line).ToHashSet();
            var lines = FirstLines(strings, cellsPerRow: 6);
            for (var i = 0; i < strings.Length; i++)
            {
                var imported = people.TryGetValue($"Naughty {offset + i}", out var person);
                Assert.True(imported != bad.Contains(lines[i]), $"Line {lines[i]}: imported={imported}, errors={bad.Contains(lines[i])}");
                if (imported && AsStored(strings[i]).Length > 0) Assert.Equal(AsStored(strings[i]).ToLowerInvariant(), person!.Email);
            }

            offset += strings.Length;
        }
    }

    // What a cell becomes: UTF-8 cannot carry a lone surrogate (the writer makes it U+FFFD), and values are trimmed.
    private static string AsStored(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Trim();

    // The line each row starts on: cells with line breaks in them make a row span several lines.
    private static List<int> FirstLines(IReadOnlyList<string> strings, int cellsPerRow)
    {
        var lines = new List<int>();
        var line = 2;
        foreach (var s in strings)
        {
            lines.Add(line);
            line += 1 + (cellsPerRow * s.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\r' or '\n'));
        }

        return lines;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
