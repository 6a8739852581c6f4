using System.Text;

namespace SalesMentor.App.Import.Crm;

/// <summary>A column of the file a format reads: its position (-1 when the file has none) and its header as written.</summary>
internal readonly record struct Column(int Index, string Header)
{
    public static Column None { get; } = new(-1, "");

    public bool Exists => Index >= 0;
}

/// <summary>
/// The header of a CRM file. Headers are matched by their letters and digits only, ignoring case:
/// <c>StageName</c>, <c>STAGENAME</c> (Data Loader upper-cases them) and <c>Stage Name</c> are one
/// column, and so are <c>Account.Name</c> and <c>Account Name</c>. The columns a format reads are
/// recorded, so the preview shows them and the notice lists the rest as ignored.
/// </summary>
internal sealed class HeaderIndex
{
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly List<(string Field, Column Column)> _used = [];

    public HeaderIndex(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Headers = headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Key(headers[i]);
            if (key.Length == 0) continue;
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(i);
        }
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The columns read, as (our field, the file's column), in the order they were asked for.</summary>
    public IReadOnlyList<(string Field, Column Column)> Used => _used;

    /// <summary>Problems with the columns read: the same column twice.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Lower-case letters and digits only.</summary>
    public static string Key(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>True when the file has a column with one of these names.</summary>
    public bool Has(params string[] names) => names.Any(n => _byKey.ContainsKey(Key(n)));

    /// <summary>The first of <paramref name="names"/> the file has, read as <paramref name="field"/>; <see cref="Column.None"/> when none.</summary>
    public Column Use(string field, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (!_byKey.TryGetValue(Key(name), out var positions)) continue;
            if (positions.Count > 1)
            {
                Problems.Add($"The columns '{Short(Headers[positions[0]])}' (column {positions[0] + 1}) and '{Short(Headers[positions[1]])}' (column {positions[1] + 1}) have the same name, so it is not clear which one holds the {field}. Keep one of them.");
            }

            var column = new Column(positions[0], Headers[positions[0]]);
            if (_used.All(u => u.Column.Index != column.Index)) _used.Add((field, column));
            return column;
        }

        return Column.None;
    }

    /// <summary>The column with exactly this header (as a mapping names it), ignoring case and spaces around it.</summary>
    public Column Named(string field, string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return Column.None;
        var matches = Enumerable.Range(0, Headers.Count).Where(i => string.Equals(Headers[i].Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) return Column.None;
        if (matches.Count > 1)
        {
            Problems.Add($"The file has {matches.Count} columns named '{Short(header)}', so it is not clear which one holds the {field}. Keep one of them.");
        }

        var column = new Column(matches[0], Headers[matches[0]]);
        if (_used.All(u => u.Column.Index != column.Index)) _used.Add((field, column));
        return column;
    }

    /// <summary>The headers no format field reads, as written.</summary>
    public IEnumerable<string> Ignored() =>
        Headers.Where((h, i) => h.Length > 0 && _used.All(u => u.Column.Index != i));

    private static string Short(string text) => CellText.Short(text);
}
