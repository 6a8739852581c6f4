using System.Globalization;
using System.Text;

namespace SalesMentor.App.Import;

/// <summary>
/// Reads CSV records (RFC 4180: comma-separated, cells in double quotes may hold commas, line
/// breaks and doubled quotes) one at a time, with the 1-based line each record starts on. Line
/// breaks may be CRLF, LF or CR, mixed. A quote that is never closed, or text after a closing
/// quote, stops the reading with the line where the quote opened: after that the cells cannot be
/// trusted. Cells and records are capped so a broken file cannot fill the memory.
/// </summary>
internal sealed class CsvRecordReader(DetectingDecoder input)
{
    public const int MaxCellLength = 100_000;
    public const int MaxCells = 1_000;

    private readonly char[] _buffer = new char[32 * 1024];
    private const int MaxRepeated = 32;
    private readonly StringBuilder _cell = new();
    private readonly string?[] _previous = new string?[64];
    private int _pos;
    private int _len;
    private bool _done;
    private int _line = 1;

    /// <summary>Why reading stopped early: the line and a plain-words reason. Null after a clean end.</summary>
    public (int Line, string Reason)? Problem { get; private set; }

    /// <summary>The line the reader has reached (for problems found by the decoder).</summary>
    public int Line => _line;

    /// <summary>Reads the next record into <paramref name="cells"/>; returns its first line, or 0 at the end.</summary>
    public ValueTask<int> ReadAsync(List<string> cells, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cells);
        cells.Clear();
        return Problem is null && TryReadPlainRecord(cells) is var line and > 0 ? new ValueTask<int>(line) : ReadSlowAsync(cells, ct);
    }

    // The common case, without an await per cell: a whole record already in the buffer, ended by a line break, with no
    // quote in it and within the limits. Anything else (a quote, a record running past the buffer, a CR at the
    // buffer's end, the last line without a break) is left to the cell-by-cell reading below, which reads it the same.
    private int TryReadPlainRecord(List<string> cells)
    {
        var span = _buffer.AsSpan(_pos, _len - _pos);
        var stop = span.IndexOfAny('"', '\r', '\n');
        if (stop < 0 || span[stop] == '"' || (span[stop] == '\r' && stop + 1 == span.Length) || stop > MaxCellLength) return 0;
        var record = span[..stop];
        if (record.Count(',') >= MaxCells) return 0;
        var column = 0;
        while (true)
        {
            var comma = record.IndexOf(',');
            var cell = comma < 0 ? record : record[..comma];
            cells.Add(Text(column++, cell));
            if (comma < 0) break;
            record = record[(comma + 1)..];
        }

        _pos += stop + 1;
        if (span[stop] == '\r' && span[stop + 1] == '\n') _pos++;
        return _line++;
    }

    // A cell's text; a short one equal to the same column's previous value is that string again (status, owner and
    // flag columns repeat), which saves most of a large file's allocations.
    private string Text(int column, ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty) return "";
        if (cell.Length > MaxRepeated || column >= _previous.Length) return new string(cell);
        var previous = _previous[column];
        if (previous is not null && cell.SequenceEqual(previous)) return previous;
        return _previous[column] = new string(cell);
    }

    private async ValueTask<int> ReadSlowAsync(List<string> cells, CancellationToken ct)
    {
        if (Problem is not null || !await EnsureAsync(ct)) return 0;
        var first = _line;
        while (true)
        {
            var ended = _buffer[_pos] == '"' ? await QuotedAsync(ct) : await PlainAsync(ct);
            if (ended is null) return 0;
            cells.Add(_cell.Length == 0 ? "" : _cell.ToString());
            _cell.Clear();
            if (cells.Count > MaxCells)
            {
                Stop(first, $"Line {first} has more than 1,000 cells.");
                return 0;
            }

            if (ended.Value) return first;
            if (!await EnsureAsync(ct))
            {
                cells.Add("");
                return first;
            }
        }
    }

    // Reads an unquoted cell. Returns true at the end of the record, false after a comma, null on a problem.
    private async ValueTask<bool?> PlainAsync(CancellationToken ct)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(',', '\r', '\n');
            var take = stop < 0 ? span.Length : stop;
            _cell.Append(span[..take]);
            _pos += take;
            if (_cell.Length > MaxCellLength)
            {
                Stop(_line, $"A cell on line {_line} is longer than 100,000 characters.");
                return null;
            }

            if (stop >= 0) return await EndOfCellAsync(ct);
            if (!await EnsureAsync(ct)) return true;
        }
    }

    private async ValueTask<bool?> QuotedAsync(CancellationToken ct)
    {
        var opened = _line;
        _pos++;
        while (true)
        {
            if (!await EnsureAsync(ct))
            {
                Stop(opened, $"The quote that opens a cell on line {opened} is never closed. Quotes must come in pairs; a quote inside a cell is written twice (\"\").");
                return null;
            }

            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny('"', '\r', '\n');
            var take = stop < 0 ? span.Length : stop;
            _cell.Append(span[..take]);
            _pos += take;
            if (_cell.Length > MaxCellLength)
            {
                Stop(opened, $"The quoted cell that starts on line {opened} runs on for more than 100,000 characters: probably its closing quote is missing.");
                return null;
            }

            if (stop < 0) continue;
            var c = _buffer[_pos++];
            if (c == '\n')
            {
                _cell.Append(c);
                _line++;
                continue;
            }

            if (c == '\r')
            {
                _cell.Append(c);
                if (await EnsureAsync(ct) && _buffer[_pos] == '\n') _cell.Append(_buffer[_pos++]);
                _line++;
                continue;
            }

            if (await EnsureAsync(ct) && _buffer[_pos] == '"')
            {
                _cell.Append('"');
                _pos++;
                continue;
            }

            return await AfterClosingQuoteAsync(opened, ct);
        }
    }

    private async ValueTask<bool?> AfterClosingQuoteAsync(int opened, CancellationToken ct)
    {
        // Spaces after a closing quote are harmless; anything else means the quotes are unbalanced.
        while (await EnsureAsync(ct) && _buffer[_pos] is ' ' or '\t') _pos++;
        if (!await EnsureAsync(ct)) return true;
        if (_buffer[_pos] is ',' or '\r' or '\n') return await EndOfCellAsync(ct);
        var where = opened == _line ? $"on line {opened}" : $"on line {_line} (the quote opened on line {opened})";
        Stop(opened, $"Unbalanced quotes {where}: text follows a closing quote. A quote inside a cell is written twice (\"\"), and a cell with quotes is wrapped in quotes.");
        return null;
    }

    // At a comma or a line break: consumes it. True when the record ended.
    private async ValueTask<bool?> EndOfCellAsync(CancellationToken ct)
    {
        var c = _buffer[_pos++];
        if (c == ',') return false;
        if (c == '\r' && await EnsureAsync(ct) && _buffer[_pos] == '\n') _pos++;
        _line++;
        return true;
    }

    private void Stop(int line, string reason) => Problem = (line, reason);

    /// <summary>True when at least one character is buffered; false at the end of the text.</summary>
    private async ValueTask<bool> EnsureAsync(CancellationToken ct)
    {
        if (_pos < _len) return true;
        if (_done) return false;
        _pos = 0;
        _len = await input.ReadAsync(_buffer, ct);
        if (_len > 0) return true;
        _done = true;
        if (input.Problem is not null) Problem ??= (_line, input.Problem + string.Create(CultureInfo.InvariantCulture, $" (at line {_line})"));
        return false;
    }
}
