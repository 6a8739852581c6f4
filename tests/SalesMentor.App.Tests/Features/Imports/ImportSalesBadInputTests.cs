using System.Globalization;
using System.Text;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Imports;
using SalesMentor.App.Import;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Imports.SalesImports;

namespace SalesMentor.App.Tests.Features.Imports;

/// <summary>Garbage in every cell and every shape of broken file: clear errors with line and column, text round-trips, nothing half-imported.</summary>
public class ImportSalesBadInputTests
{
    private const string Header = "Id,OwnerId,Name,Account.Name,StageName,Amount,CloseDate,CreatedDate,IsClosed,IsWon,Probability,LeadSource,CurrencyIsoCode,Product__c";

    [Theory, BothProviders]
    public async Task ImportOpportunities_NaughtyStringsInEveryTextCell_RoundTripUnchanged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var naughty = NaughtyStrings.All.Concat(NaughtyStrings.RealNames).ToList();
        var lines = naughty.Select((s, i) => Row($"N{i}", Q(s), Q(s), Q(s), Q(s), "100", "2024-01-31", "2024-01-02", "1", "1", "100", Q(s), "EUR", Q(s)));

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, Csv([Header, .. lines])));

        Assert.Equal((ImportStatus.Completed, naughty.Count, 0), (run.Status, run.Added, run.RejectedRows));
        var deals = (await OpportunitiesAsync(app)).ToDictionary(o => o.ExternalId);
        for (var i = 0; i < naughty.Count; i++)
        {
            var expected = RosterRowParser.Clean(naughty[i]) is { Length: > 0 } text ? text : null;
            var deal = deals["N" + i.ToString(CultureInfo.InvariantCulture)];
            Assert.Equal((expected, expected, expected, expected, expected, expected), (deal.OwnerRef, deal.Name, deal.Account, deal.Stage, deal.LeadSource, deal.Product));
        }
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_NaughtyStringsInEveryValueCell_AreRowErrorsNamingTheColumnOrHarmlessBlanks(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var columns = new[] { "Amount", "CloseDate", "CreatedDate", "IsClosed", "IsWon", "Probability", "CurrencyIsoCode" };
        var lines = new List<string>();
        var expectations = new List<(int Line, string Column, bool Blank)>();
        foreach (var (s, i) in NaughtyStrings.All.Select((s, i) => (s, i)))
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var cells = new[] { "100", "2024-01-31", "2024-01-02", "1", "1", "100", "EUR" };
                cells[c] = Q(s);
                lines.Add(Row($"V{i}-{c}", "005X", "Deal", "Acme", "Won", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], "Web", cells[6], "P"));
                expectations.Add((lines.Count + 1, columns[c], string.IsNullOrWhiteSpace(s)));
            }
        }

        var result = await ImportAsync(app, ImportKinds.Opportunities, Csv([Header, .. lines]), new ImportSalesDataRequest(Stream.Null, null, SkipBadRows: true));

        var run = Run(result);
        Assert.Equal(ImportStatus.Completed, run.Status);
        Assert.True(run.RejectedRows > 1000, $"{run.RejectedRows} rows were rejected");
        var errorsByLine = run.Errors.GroupBy(e => e.Line).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (line, column, blank) in expectations.Where(e => e.Line <= run.Errors.Max(x => x.Line)))
        {
            if (blank) Assert.False(errorsByLine.ContainsKey(line) && column is not ("IsWon" or "IsClosed"), $"line {line}: a blank {column} is not an error");
            else if (errorsByLine.TryGetValue(line, out var errors)) Assert.Contains(errors, e => e.Column == column || (column == "IsClosed" && e.Column == "IsClosed"));
        }
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_FormulaPayloads_AreStoredAsTheTextTheyAre(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        string[] formulas = ["=HYPERLINK(\"http://evil.test\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0"];
        var lines = formulas.Select((f, i) => Row($"F{i}", "005X", Q(f), Q(f), "Open", "1", "", "", "", "", "", "", "", ""));

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, Csv([Header, .. lines])));

        Assert.Equal(formulas.Length, run.Added);
        Assert.Equal(formulas, (await OpportunitiesAsync(app)).OrderBy(o => o.ExternalId).Select(o => o.Name));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_BadValues_AreReportedWithLineColumnAndReason_AndNothingIsImported(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var csv = Csv(Header,
            Row("OK1", "005X", "Good", "", "Open", "10", "", "", "", "", "", "", "", ""),
            Row("B1", "005X", "Negative", "", "Open", "-5", "", "", "", "", "", "", "", ""),
            Row("B2", "005X", "Words", "", "Open", "lots", "", "", "", "", "", "", "", ""),
            Row("B3", "005X", "Huge", "", "Open", "1e309", "", "", "", "", "", "", "", ""),
            Row("B4", "005X", "Feb 30", "", "Open", "1", "2017-02-30", "", "", "", "", "", "", ""),
            Row("B5", "005X", "Maybe", "", "Open", "1", "", "", "", "maybe", "", "", "", ""),
            Row("OK1", "005X", "Again", "", "Open", "1", "", "", "", "", "", "", "", ""),
            Row("B6", "005X", "Won open", "", "Open", "1", "", "", "0", "1", "", "", "", ""),
            Row("B7", "005X", "Too big", "", "Open", "12345678901234567", "", "", "", "", "", "", "", ""),
            Row("B8", "005X", "Percent", "", "Open", "1", "", "", "", "", "150", "", "", ""),
            Row("B9", "005X", "Currency", "", "Open", "1", "", "", "", "", "", "", "EURO", ""));
        var stamp = await StampAsync(app);

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, csv));

        Assert.Equal((ImportStatus.Rejected, 10, 0), (run.Status, run.RejectedRows, run.Added));
        HasProblem(run, 3, "Amount", "'-5' is negative; the amount must be 0 or more");
        HasProblem(run, 4, "Amount", "'lots' is not a number");
        HasProblem(run, 5, "Amount", "'1e309' is not a number");
        HasProblem(run, 6, "CloseDate", "'2017-02-30' is not a date");
        HasProblem(run, 7, "IsWon", "'maybe' is not a yes/no value");
        HasProblem(run, 8, "Id", "The deal 'OK1' is already on line 2");
        HasProblem(run, 9, "IsClosed", "marked won (IsWon) but not closed");
        HasProblem(run, 10, "Amount", "too large");
        HasProblem(run, 11, "Probability", "between 0 and 100");
        HasProblem(run, 12, "CurrencyIsoCode", "'EURO' is not a currency code");
        Assert.Empty(await OpportunitiesAsync(app));
        Assert.Equal(stamp, await StampAsync(app));
    }

    [Theory, BothProviders]
    public async Task ImportOpportunities_OneBadRowAfterManyGood_ImportsNothing_UnlessSkipBadRows(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var good = Enumerable.Range(0, 3000).Select(i => Row($"G{i}", "005X", $"Deal {i}", "", "Open", "10", "", "", "", "", "", "", "", ""));
        var csv = Csv([Header, .. good, Row("BAD", "005X", "Bad", "", "Open", "ten", "", "", "", "", "", "", "", "")]);

        var strict = Run(await ImportAsync(app, ImportKinds.Opportunities, csv));
        var countAfterStrict = (await OpportunitiesAsync(app)).Count;
        var skipping = Run(await ImportAsync(app, ImportKinds.Opportunities, csv, new ImportSalesDataRequest(Stream.Null, null, SkipBadRows: true)));

        Assert.Equal((ImportStatus.Rejected, 0), (strict.Status, countAfterStrict));
        Assert.Equal((ImportStatus.Completed, 3000, 1), (skipping.Status, skipping.Added, skipping.RejectedRows));
        Assert.Equal(3000, (await OpportunitiesAsync(app)).Count);
    }

    [Theory]
    [InlineData("Id,Name,StageName,IsClosed,IsWon\r\n1,\"Open quote,Open,0,0\r\n2,B,Open,0,0\r\n", 2, "never closed")]
    [InlineData("Id,Name,StageName,IsClosed,IsWon\r\n1,\"A\"x,Open,0,0\r\n", 2, "Unbalanced quotes")]
    [InlineData("Id,Name,StageName,IsClosed,IsWon,Amount,AMOUNT\r\n1,A,Open,0,0,1,2\r\n", 1, "have the same name")]
    [InlineData("Id,Name,StageName,IsClosed\r\n1,A,Open,0\r\n", 1, "no IsWon column")]
    [InlineData("Id,Name,StageName,IsClosed,IsWon\r\n1,A,Open,0,0,extra\r\n", 2, "Line 2 has 6 cells, but the header has 5")]
    [InlineData("", 0, "The file is empty")]
    [InlineData("Id,Name,StageName,IsClosed,IsWon\r\n", 0, "a header but no rows")]
    [InlineData("first,second\r\n1,2\r\n", 1, "not those of a Salesforce export")]
    public async Task ImportOpportunities_BrokenFile_FailsWithTheReasonAndWritesNothing(string csv, int line, string fragment)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, csv));

        Assert.Equal(ImportStatus.Failed, run.Status);
        Assert.Contains(run.Errors, e => e.Line == line && e.Reason.Contains(fragment, StringComparison.Ordinal));
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Fact]
    public async Task ImportOpportunities_MixedLineBreaksAndUtf16_AreReadWithTheRightLines()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var text = "Id,Name,StageName,IsClosed,IsWon\r\n1,Zoë,Open,0,0\n2,\"李小龍\r\nsecond line\",Open,0,0\r3,Bad,Open,0,x\r\n";

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));

        Assert.Equal(ImportStatus.Rejected, run.Status);
        HasProblem(run, 5, "IsWon", "'x' is not a yes/no value");
        Assert.Contains("UTF-16 LE", run.Notice, StringComparison.Ordinal);
        var skipped = Run(await ImportAsync(app, ImportKinds.Opportunities, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], new ImportSalesDataRequest(Stream.Null, null, SkipBadRows: true)));
        Assert.Equal(2, skipped.Added);
        Assert.Equal(["Zoë", "李小龍\r\nsecond line"], (await OpportunitiesAsync(app)).Select(o => o.Name));
    }

    [Theory]
    [InlineData("yyyy-MM-dd", "31/12/2017", false)]
    [InlineData("yyyy-MM-dd", "2017-02-30", false)]
    [InlineData("dd/MM/yyyy", "31/12/2017", true)]
    [InlineData("MM/dd/yyyy", "31/12/2017", false)]
    public async Task ImportOpportunities_DatesAgainstTheMappingsFormat(string format, string date, bool accepted)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var mapping = ImportOpportunityShapesTests.OtherCrmMapping with { DateFormat = format };
        var csv = Csv("deal_ref,rep,customer,value,status,opened,closed", $"D-1,Rep,Acme,100,Open,,{date}");

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, csv, new ImportSalesDataRequest(Stream.Null, null, Mapping: mapping)));

        Assert.Equal(accepted ? ImportStatus.Completed : ImportStatus.Rejected, run.Status);
        if (!accepted) HasProblem(run, 2, "closed", $"'{date}' is not a date in the format {format}");
        else Assert.Equal(new DateOnly(2017, 12, 31), (await OpportunitiesAsync(app)).Single().CloseDate);
    }

    [Fact]
    public async Task ImportOpportunities_NegativeAmounts_AreImportedWhenTheMappingAllowsCredits()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var csv = Csv("deal_ref,rep,customer,value,status,opened,closed", "D-1,Rep,Acme,-250.5,Closed Won,,2024-01-01");
        var strict = ImportOpportunityShapesTests.OtherCrmMapping;

        var refused = Run(await ImportAsync(app, ImportKinds.Opportunities, csv, new ImportSalesDataRequest(Stream.Null, null, Mapping: strict)));
        var allowed = Run(await ImportAsync(app, ImportKinds.Opportunities, csv, new ImportSalesDataRequest(Stream.Null, null, Mapping: strict with { AllowNegativeAmounts = true })));

        HasProblem(refused, 2, "value", "Allow negative amounts (credits) in the mapping");
        Assert.Equal((ImportStatus.Completed, -250.5m), (allowed.Status, (await OpportunitiesAsync(app)).Single().Amount));
    }

    [Fact]
    public async Task ImportOpportunities_UnknownOwners_AreListedWithTheirRowCounts_AndTheRowsImportUnlinked()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var csv = Csv("Id,OwnerId,Name,StageName,IsClosed,IsWon", "1,005A,a,Open,0,0", "2,005A,b,Open,0,0", "3,005B,c,Open,0,0", "4,005A,d,Open,0,0");

        var run = Run(await ImportAsync(app, ImportKinds.Opportunities, csv));

        Assert.Equal((ImportStatus.Completed, 4), (run.Status, run.Added));
        Assert.Equal([("005A", 3), ("005B", 1)], run.Report!.UnknownOwners.Select(o => (o.Owner, o.Rows)));
        Assert.Contains("4 rows name owners (2) that match no person", run.Notice, StringComparison.Ordinal);
    }

    private static string Q(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Row(params string[] cells) => string.Join(",", cells);
}
