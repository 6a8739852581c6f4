using SalesMentor.App.Import;

namespace SalesMentor.App.Tests.Import;

/// <summary>The shape of a CSV file: line breaks, quotes, headers and rows, each broken the ways real files are.</summary>
public class RosterFormatTests
{
    [Fact]
    public async Task MixedLineEndings_EachRowKeepsItsLineNumber()
    {
        var file = await RosterText.ReadAsync("name,notes\r\nAnn,x\nBob,y\rCy,\"Multi\r\nline\rnote\"\nDee,z\r\n");
        Assert.True(file.IsReadable);
        Assert.Equal([("Ann", 2), ("Bob", 3), ("Cy", 4), ("Dee", 7)], file.Rows.Select(r => (r.Name!, r.Line)));
    }

    [Fact]
    public async Task QuotedCells_KeepCommasQuotesAndLineBreaks()
    {
        var file = await RosterText.ReadAsync("name,title\n\"O'Brien, Seán\",\"Rep \"\"the best\"\"\"\n");
        Assert.Equal("O'Brien, Seán", file.Rows[0].Name);
        Assert.Equal("Rep \"the best\"", file.Rows[0].Title);
    }

    [Fact]
    public async Task UnclosedQuote_NamesTheLineWhereItOpened()
    {
        var file = await RosterText.ReadAsync("name,title\nAnn,AE\nBob,\"Sales\nCy,AE\nDee,AE\n");
        var problem = Assert.Single(file.FileProblems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("quote that opens a cell on line 3 is never closed", problem.Reason, StringComparison.Ordinal);
        Assert.False(file.IsReadable);
    }

    [Fact]
    public async Task TextAfterClosingQuote_IsUnbalancedQuotesWithBothLines()
    {
        var file = await RosterText.ReadAsync("name,title\nAnn,\"AE\nBob,\"SE\n");
        var problem = Assert.Single(file.FileProblems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("Unbalanced quotes on line 3 (the quote opened on line 2)", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hire Date")]
    [InlineData("hire_date")]
    [InlineData("HireDate")]
    [InlineData(" HIRE-DATE ")]
    public async Task ColumnNames_MatchIgnoringCaseSpacesUnderscoresAndDashes(string header)
    {
        var file = await RosterText.ReadAsync($"Name,{header}\nAnn,2024-03-01\n");
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(file.Rows).HireDate);
    }

    [Fact]
    public async Task UnknownColumns_AreIgnoredAndListed()
    {
        var file = await RosterText.ReadAsync("name,notes,Shoe Size\nAnn,likes tea,38\n");
        Assert.True(file.IsReadable);
        Assert.Contains("Ignored 2 columns that a roster does not use: 'notes', 'Shoe Size'.", file.Notices());
    }

    [Theory]
    [InlineData("name,email,Email\nAnn,a@x.io,b@x.io\n", "'email' (column 2) and 'Email' (column 3) have the same name")]
    [InlineData("name,hire_date,Hired On\nAnn,2024-01-01,2024-01-01\n", "'hire_date' (column 2) and 'Hired On' (column 3) both mean hire date")]
    public async Task DuplicateHeaders_SayWhichColumns(string text, string expected)
    {
        var file = await RosterText.ReadAsync(text);
        Assert.Contains(expected, Assert.Single(file.FileProblems).Reason, StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public async Task NoNameColumn_ListsTheColumnsFound()
    {
        var file = await RosterText.ReadAsync("full_name_x,email\nAnn,a@x.io\n");
        Assert.Contains("no name column", Assert.Single(file.FileProblems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHeader_SaysTheFirstLineMustNameTheColumns()
    {
        var file = await RosterText.ReadAsync("Ann Lee,ann@x.io,AE\nBob Roe,bob@x.io,SE\n");
        var problem = Assert.Single(file.FileProblems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("does not name any roster column", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\n  \n")]
    [InlineData("\uFEFF")]
    public async Task EmptyFile_IsAFileProblem(string text)
    {
        var file = await RosterText.ReadAsync(text);
        Assert.Contains("The file is empty", Assert.Single(file.FileProblems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderOnly_SaysThereAreNoRows()
    {
        var file = await RosterText.ReadAsync("name,email\n");
        Assert.Contains("no rows", Assert.Single(file.FileProblems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DifferentColumnCount_ListsEveryShortOrLongLine()
    {
        var file = await RosterText.ReadAsync("name,email,title\nAnn,a@x.io,AE\nBob,b@x.io\nCy,c@x.io,AE,extra\nDee,d@x.io,AE,,\n");
        Assert.Equal([3, 4], file.FileProblems.Select(p => p.Line));
        Assert.Contains("Line 3 has 2 cells, but the header has 3", file.FileProblems[0].Reason, StringComparison.Ordinal);
        Assert.False(file.IsReadable);
    }

    [Fact]
    public async Task BlankLines_AreSkippedAndLinesStillCount()
    {
        var file = await RosterText.ReadAsync("name\n\nAnn\n,\n\nBob\n\n\n");
        Assert.Equal([("Ann", 3), ("Bob", 6)], file.Rows.Select(r => (r.Name!, r.Line)));
    }

    [Theory]
    [InlineData("2024-03-01", true)]
    [InlineData("2024-03-01T00:00:00", true)]
    [InlineData("2024-03-01T09:30:00.000+02:00", true)]
    [InlineData("2024-03-01T00:00:00Z", true)]
    [InlineData("2024-03-01 08:00:00", true)]
    [InlineData("01/03/2024", false)]
    [InlineData("2024-3-1", false)]
    [InlineData("2024-02-30", false)]
    [InlineData("2024-03-01Tnonsense", false)]
    [InlineData("20240301", false)]
    public void Dates_AreIsoDaysOrTimestamps(string text, bool valid)
    {
        Assert.Equal(valid, RosterRowParser.TryParseDate(text, out var date));
        if (valid) Assert.Equal(new DateOnly(2024, 3, 1), date);
    }

    [Theory]
    [InlineData("'=SUM(A1:A9)", "=SUM(A1:A9)")]
    [InlineData("'+1 555", "+1 555")]
    [InlineData("'-", "-")]
    [InlineData("'@home", "@home")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("'quoted'", "'quoted'")]
    public void Clean_UndoesTheExportsFormulaGuardOnly(string cell, string expected) => Assert.Equal(expected, RosterRowParser.Clean(cell));
}
