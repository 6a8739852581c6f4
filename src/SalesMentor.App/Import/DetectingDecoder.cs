using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SalesMentor.App.Import;

/// <summary>
/// Turns the bytes of an uploaded file into text in one forward pass, finding the encoding as it
/// goes: a byte order mark (UTF-8, UTF-16, UTF-32) wins; without one, UTF-16 is recognised by its
/// zero bytes; otherwise the text is read as strict UTF-8 until the first byte that is not UTF-8.
/// If everything before that byte was plain ASCII, the file is Windows-1252 (Latin-1 and its
/// Windows superset), and since ASCII reads the same in both, switching there loses nothing. A
/// file that was valid UTF-8 with accents and then breaks is refused as mixed: guessing would
/// store garbled names. Holds one buffer of bytes; never the file.
/// </summary>
internal sealed class DetectingDecoder(Stream source, long? maxBytes = null, IProgress<long>? progress = null)
{
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    private readonly byte[] _bytes = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private Mode _mode;
    private Decoder? _decoder;

    private enum Mode { AsciiSoFar, Utf8, Decoder }

    /// <summary>Bytes taken from the source so far (the file's size once the end is reached).</summary>
    public long BytesRead { get; private set; }

    /// <summary>How the text was read, in words for the run's notice, e.g. "UTF-8" or "Windows-1252".</summary>
    public string EncodingName { get; private set; } = "UTF-8";

    /// <summary>Set when reading stopped because the bytes were not valid text in the detected encoding.</summary>
    public string? Problem { get; private set; }

    /// <summary>True when the source held more than the allowed number of bytes; reading stopped there.</summary>
    public bool TooLarge { get; private set; }

    /// <summary>Fills <paramref name="buffer"/> with the next characters; 0 at the end (or when reading stopped).</summary>
    public async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken ct)
    {
        if (!_started) await StartAsync(ct);
        while (Problem is null && !TooLarge)
        {
            var written = Decode(buffer.Span);
            if (written > 0) return written;
            if (_eof) return 0;
            await FillAsync(ct);
        }

        return 0;
    }

    private async Task StartAsync(CancellationToken ct)
    {
        _started = true;
        while (!_eof && _end < 4) await FillAsync(ct);
        var head = _bytes.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Use(new UTF8Encoding(false, true), "UTF-8 (with byte order mark)", 3);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) Use(new UTF32Encoding(false, false, true), "UTF-32 LE (with byte order mark)", 4);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) Use(new UTF32Encoding(true, false, true), "UTF-32 BE (with byte order mark)", 4);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) Use(new UnicodeEncoding(false, false, true), "UTF-16 LE (with byte order mark)", 2);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) Use(new UnicodeEncoding(true, false, true), "UTF-16 BE (with byte order mark)", 2);
        else
        {
            while (!_eof && _end < 512) await FillAsync(ct);
            switch (GuessUtf16(_bytes.AsSpan(0, _end)))
            {
                case 1: Use(new UnicodeEncoding(false, false, true), "UTF-16 LE (no byte order mark)", 0); break;
                case 2: Use(new UnicodeEncoding(true, false, true), "UTF-16 BE (no byte order mark)", 0); break;
                default: _mode = Mode.AsciiSoFar; break;
            }
        }
    }

    private void Use(Encoding encoding, string name, int skip)
    {
        _mode = encoding is UTF8Encoding ? Mode.Utf8 : Mode.Decoder;
        _decoder = encoding.GetDecoder();
        EncodingName = name;
        _start = skip;
    }

    // Text in UTF-16 without a byte order mark has a zero in every other byte; a CSV file never has zeros.
    private static int GuessUtf16(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4) return 0;
        int evenZeros = 0, oddZeros = 0, pairs = head.Length / 2;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) evenZeros++;
            if (head[i + 1] == 0) oddZeros++;
        }

        if (oddZeros * 4 >= pairs && evenZeros * 20 < pairs) return 1;
        if (evenZeros * 4 >= pairs && oddZeros * 20 < pairs) return 2;
        return 0;
    }

    private int Decode(Span<char> chars)
    {
        var bytes = _bytes.AsSpan(_start, _end - _start);
        if (bytes.IsEmpty && !_eof) return 0;
        if (_mode == Mode.Decoder)
        {
            try
            {
                _decoder!.Convert(bytes, chars, _eof, out var used, out var written, out _);
                _start += used;
                return written;
            }
            catch (DecoderFallbackException)
            {
                Problem = $"The file is not valid {EncodingName}: it has bytes that are not text in that encoding.";
                return 0;
            }
        }

        var status = Utf8.ToUtf16(bytes, chars, out var read, out var count, replaceInvalidSequences: false, isFinalBlock: _eof);
        if (_mode == Mode.AsciiSoFar && !Ascii.IsValid(bytes[..read])) _mode = Mode.Utf8;
        _start += read;
        if (status == OperationStatus.InvalidData)
        {
            if (_mode == Mode.AsciiSoFar)
            {
                _mode = Mode.Decoder;
                _decoder = Windows1252.Value.GetDecoder();
                EncodingName = "Windows-1252 (Western European; the file was not UTF-8)";
                return count > 0 ? count : Decode(chars);
            }
            else if (count == 0)
            {
                Problem = "The file mixes text encodings: it starts as UTF-8 but later has bytes that are not UTF-8. Save it as UTF-8 (in Excel: CSV UTF-8) and upload it again.";
            }
        }

        return count;
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            _bytes.AsSpan(_start, _end - _start).CopyTo(_bytes);
            _end -= _start;
            _start = 0;
        }

        var read = await source.ReadAsync(_bytes.AsMemory(_end), ct);
        if (read == 0)
        {
            _eof = true;
            return;
        }

        _end += read;
        BytesRead += read;
        progress?.Report(BytesRead);
        if (maxBytes is { } max && BytesRead > max) TooLarge = true;
    }
}
