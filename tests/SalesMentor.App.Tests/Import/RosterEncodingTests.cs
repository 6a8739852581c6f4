using System.Text;
using SalesMentor.App.Import;

namespace SalesMentor.App.Tests.Import;

/// <summary>Files arrive in whatever encoding the spreadsheet saved them in; names must come out right and the run must say how it read them.</summary>
public class RosterEncodingTests
{
    private const string Roster = "name,email,team\r\nZoë Ångström,zoe@example.com,Säljteam Öst\r\n李小龍,li@example.com,東\r\nJosé 🚀,jose@example.com,Ventas\r\n";

    static RosterEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Utf16LittleEndianWithBom_ReadsNamesAndSaysSo()
    {
        var file = await RosterText.ReadAsync(RosterText.WithPreamble(Encoding.Unicode, Roster));
        Assert.True(file.IsReadable);
        Assert.Equal(["Zoë Ångström", "李小龍", "José 🚀"], file.Rows.Select(r => r.Name));
        Assert.Contains("UTF-16 LE", Assert.Single(file.Notices(), n => n.StartsWith("Read as", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16BigEndianWithBom_ReadsNames()
    {
        var file = await RosterText.ReadAsync(RosterText.WithPreamble(Encoding.BigEndianUnicode, Roster));
        Assert.Equal(["Zoë Ångström", "李小龍", "José 🚀"], file.Rows.Select(r => r.Name));
        Assert.Contains("UTF-16 BE", file.EncodingName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16WithoutBom_IsRecognisedByItsZeroBytes()
    {
        var file = await RosterText.ReadAsync(Encoding.Unicode.GetBytes(Roster));
        Assert.Equal(["Zoë Ångström", "李小龍", "José 🚀"], file.Rows.Select(r => r.Name));
        Assert.Contains("no byte order mark", file.EncodingName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8WithBom_StripsTheBomFromTheFirstHeader()
    {
        var file = await RosterText.ReadAsync(RosterText.WithPreamble(new UTF8Encoding(true), Roster));
        Assert.True(file.IsReadable);
        Assert.Equal("Zoë Ångström", file.Rows[0].Name);
        Assert.Equal("UTF-8 (with byte order mark)", file.EncodingName);
    }

    [Fact]
    public async Task Utf8WithoutBom_IsReadAsUtf8()
    {
        var file = await RosterText.ReadAsync(Roster);
        Assert.Equal(["Zoë Ångström", "李小龍", "José 🚀"], file.Rows.Select(r => r.Name));
        Assert.Equal("UTF-8", file.EncodingName);
    }

    [Fact]
    public async Task Windows1252_ReadsAccentsAndSaysWhichEncoding()
    {
        var latin = "name,email,team\r\nRené Müller,rene@example.com,Köln\r\nBjörk Guðmundsdóttir,bjork@example.com,Öst\r\nFrançois — “Frank”,frank@example.com,Paris\r\n";
        var file = await RosterText.ReadAsync(Encoding.GetEncoding(1252).GetBytes(latin));
        Assert.True(file.IsReadable);
        Assert.Equal(["René Müller", "Björk Guðmundsdóttir", "François — “Frank”"], file.Rows.Select(r => r.Name));
        Assert.Equal(["Köln", "Öst", "Paris"], file.Rows.Select(r => r.Team));
        Assert.Contains("Read as Windows-1252", string.Join(" ", file.Notices()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows1252_WhenTheFirstAccentComesLate_StillReadsEveryRow()
    {
        var text = new StringBuilder("name,email\n");
        for (var i = 0; i < 5_000; i++) text.Append("Plain Person ").Append(i).Append(",p").Append(i).Append("@example.com\n");
        text.Append("Zoë Late,zoe@example.com\n");
        var file = await RosterText.ReadAsync(Encoding.GetEncoding(1252).GetBytes(text.ToString()));
        Assert.Equal(5_001, file.Rows.Count);
        Assert.Equal("Zoë Late", file.Rows[^1].Name);
        Assert.StartsWith("Windows-1252", file.EncodingName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8ThenBrokenBytes_FailsWithTheLineInsteadOfGarblingNames()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("name\nZoë\nAnn\n"), .. Encoding.GetEncoding(1252).GetBytes("René\n")];
        var file = await RosterText.ReadAsync(bytes);
        Assert.False(file.IsReadable);
        var problem = Assert.Single(file.FileProblems);
        Assert.Equal(4, problem.Line);
        Assert.Contains("mixes text encodings", problem.Reason, StringComparison.Ordinal);
    }
}
