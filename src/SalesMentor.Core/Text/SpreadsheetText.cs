namespace SalesMentor.Core.Text;

/// <summary>Protects people who open our exports in a spreadsheet.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A text cell that starts with <c>= + - @</c>, a tab or a carriage return would be run as a
    /// formula by Excel, LibreOffice or Google Sheets (CSV injection). Such text gets a leading
    /// apostrophe, which spreadsheets show as text. Only apply to text cells: numbers stay numbers.
    /// </summary>
    public static string? Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
