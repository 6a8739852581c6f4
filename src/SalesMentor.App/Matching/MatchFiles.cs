using System.Globalization;
using System.Text;
using SalesMentor.App.Import;
using SalesMentor.Core.Matching;

namespace SalesMentor.App.Matching;

/// <summary>A problem in one of the files, at a line (1 = the header).</summary>
public sealed record MatchFileProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}, line {Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The problem read from files, with the ids of the rows (the files' own ids, in file order).</summary>
public sealed record MatchFileInput(MatchProblem Problem, IReadOnlyList<string> MenteeIds, IReadOnlyList<string> MentorIds);

/// <summary>
/// The standalone form of <c>salesmentor match</c>: a matching problem from CSV files a user supplies, and the
/// assignments written back. Files: mentors (<c>id,capacity</c>), mentees (<c>id</c>), scores (<c>mentee,mentor,score</c>,
/// integers 0–1,000,000; sparse: an unlisted pair cannot be matched), and optionally forbidden pairs
/// (<c>mentee,mentor</c>). Each file starts with that header. Every problem is reported with its file and line;
/// files are streamed, so memory grows with the number of pairs, not with the text.
/// </summary>
public static class MatchFiles
{
    /// <summary>At most this many problems are collected per file.</summary>
    public const int MaxProblems = 20;

    public static async Task<(MatchFileInput? Input, IReadOnlyList<MatchFileProblem> Problems)> ReadAsync(
        string mentorsPath, string menteesPath, string scoresPath, string? forbiddenPath, int minimumScore, CancellationToken ct)
    {
        var problems = new List<MatchFileProblem>();
        var mentors = new Dictionary<string, int>(StringComparer.Ordinal);
        var capacities = new List<int>();
        await ReadAsync(mentorsPath, ["id", "capacity"], problems, (line, cells, fail) =>
        {
            var id = cells[0];
            if (id.Length == 0) fail("the id is empty");
            else if (!int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var capacity)) fail($"the capacity '{Show(cells[1])}' is not a whole number of 0 or more");
            else if (!mentors.TryAdd(id, capacities.Count)) fail($"the mentor id '{Show(id)}' appears twice");
            else capacities.Add(capacity);
        }, ct);
        var mentees = new Dictionary<string, int>(StringComparer.Ordinal);
        await ReadAsync(menteesPath, ["id"], problems, (line, cells, fail) =>
        {
            if (cells[0].Length == 0) fail("the id is empty");
            else if (!mentees.TryAdd(cells[0], mentees.Count)) fail($"the mentee id '{Show(cells[0])}' appears twice");
        }, ct);
        if (problems.Count > 0) return (null, problems);

        var arcs = new List<MatchArc>();
        var listed = new HashSet<long>();
        await ReadAsync(scoresPath, ["mentee", "mentor", "score"], problems, (line, cells, fail) =>
        {
            if (!Pair(cells, mentees, mentors, fail, out var i, out var j)) return;
            if (!int.TryParse(cells[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) || score is < 0 or > MatchProblem.MaxScore)
            {
                fail($"the score '{Show(cells[2])}' is not a whole number from 0 to 1000000");
            }
            else if (!listed.Add(((long)i << 32) | (uint)j))
            {
                fail($"the pair {Show(cells[0])}, {Show(cells[1])} is listed twice");
            }
            else
            {
                arcs.Add(new MatchArc(i, j, score));
            }
        }, ct);
        var forbidden = new List<MatchPair>();
        if (forbiddenPath is not null)
        {
            await ReadAsync(forbiddenPath, ["mentee", "mentor"], problems, (line, cells, fail) =>
            {
                if (Pair(cells, mentees, mentors, fail, out var i, out var j)) forbidden.Add(new MatchPair(i, j));
            }, ct);
        }

        if (problems.Count > 0) return (null, problems);
        var problem = new MatchProblem(mentees.Count, capacities.ToArray(), arcs.ToArray()) { Forbidden = forbidden.ToArray(), MinimumScore = minimumScore };
        return (new MatchFileInput(problem, [.. mentees.OrderBy(m => m.Value).Select(m => m.Key)], [.. mentors.OrderBy(m => m.Value).Select(m => m.Key)]), []);
    }

    /// <summary>Writes <c>mentee,mentor,score</c> for every matched mentee, in the order of the mentees file.</summary>
    public static async Task WriteAsync(string path, MatchFileInput input, MatchResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var scores = new Dictionary<long, int>(input.Problem.Arcs.Length);
        foreach (var arc in input.Problem.Arcs.Span) scores[((long)arc.Mentee << 32) | (uint)arc.Mentor] = arc.Score;
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteAsync("mentee,mentor,score\n".AsMemory(), ct);
        var text = new StringBuilder();
        foreach (var pair in result.Pairs())
        {
            text.Clear().Append(Cell(input.MenteeIds[pair.Mentee])).Append(',').Append(Cell(input.MentorIds[pair.Mentor])).Append(',')
                .Append(scores[((long)pair.Mentee << 32) | (uint)pair.Mentor].ToString(CultureInfo.InvariantCulture)).Append('\n');
            await writer.WriteAsync(text, ct);
        }
    }

    private static bool Pair(IReadOnlyList<string> cells, Dictionary<string, int> mentees, Dictionary<string, int> mentors, Action<string> fail, out int mentee, out int mentor)
    {
        mentor = -1;
        if (!mentees.TryGetValue(cells[0], out mentee))
        {
            fail($"the mentee '{Show(cells[0])}' is not in the mentees file");
            return false;
        }

        if (!mentors.TryGetValue(cells[1], out mentor))
        {
            fail($"the mentor '{Show(cells[1])}' is not in the mentors file");
            return false;
        }

        return true;
    }

    /// <summary>Streams one file: checks the header, then hands each row (trimmed cells) to <paramref name="row"/> with a way to report a problem on its line.</summary>
    private static async Task ReadAsync(string path, string[] header, List<MatchFileProblem> problems, Action<int, IReadOnlyList<string>, Action<string>> row, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var start = problems.Count;
        if (!File.Exists(path))
        {
            problems.Add(new(name, 0, "the file does not exist"));
            return;
        }

        await using var stream = File.OpenRead(path);
        var decoder = new DetectingDecoder(stream);
        var csv = new CsvRecordReader(decoder);
        var cells = new List<string>();
        var seenHeader = false;
        int line;
        while ((line = await csv.ReadAsync(cells, ct)) > 0 && problems.Count - start < MaxProblems)
        {
            if (cells.TrueForAll(string.IsNullOrWhiteSpace)) continue;
            for (var c = 0; c < cells.Count; c++) cells[c] = cells[c].Trim();
            if (!seenHeader)
            {
                seenHeader = true;
                var names = cells.Select(c => c.TrimStart('\uFEFF').ToLowerInvariant()).ToList();
                if (!names.Take(header.Length).SequenceEqual(header)) problems.Add(new(name, line, $"the header must be {string.Join(",", header)}, not {Show(string.Join(",", cells))}"));
                continue;
            }

            var at = line;
            if (cells.Count < header.Length) problems.Add(new(name, at, $"expected {header.Length} cells ({string.Join(",", header)}), found {cells.Count}"));
            else row(at, cells, message => problems.Add(new(name, at, message)));
        }

        if (decoder.Problem is { } text) problems.Add(new(name, csv.Line, text));
        else if (csv.Problem is { } p) problems.Add(new(name, p.Line, p.Reason));
        else if (!seenHeader) problems.Add(new(name, 0, $"the file is empty; it starts with the header {string.Join(",", header)}"));
    }

    private static string Show(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "…");

    /// <summary>Quotes a cell when it holds a comma, a quote or a line break.</summary>
    private static string Cell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
