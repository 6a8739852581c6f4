using System.Text;
using System.Text.Json;
using SalesMentor.App.Domain;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// The command line's <c>--stages FILE</c>: what each HubSpot deal stage means. JSON — an object
/// <c>{"Closed Won": "won", "Contract sent": "open"}</c> or a list of
/// <c>{"pipeline": "…", "stage": "…", "outcome": "won"}</c> — or CSV with the columns
/// <c>stage,outcome</c> (and optionally <c>pipeline</c>). Outcomes are won, lost or open, any case.
/// A stage without a pipeline applies to the stage in every pipeline the file has.
/// </summary>
public static class StageFile
{
    /// <summary>The decisions, or null with <paramref name="problem"/> in words.</summary>
    public static IReadOnlyList<StageDecision>? Read(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        try
        {
            return trimmed.StartsWith('{') || trimmed.StartsWith('[') ? FromJson(trimmed, out problem) : FromCsv(trimmed, out problem);
        }
        catch (JsonException e)
        {
            problem = $"The stages file is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static List<StageDecision>? FromJson(string json, out string? problem)
    {
        problem = null;
        var decisions = new List<StageDecision>();
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Add(decisions, "", property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null, out problem)) return null;
            }

            return decisions;
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            string? Get(string name) => item.ValueKind == JsonValueKind.Object && item.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } p ? p.Value.GetString() : null;
            if (!Add(decisions, Get("pipeline") ?? "", Get("stage"), Get("outcome"), out problem)) return null;
        }

        return decisions;
    }

    private static List<StageDecision>? FromCsv(string csv, out string? problem)
    {
        problem = null;
        var decisions = new List<StageDecision>();
        var lines = csv.Split(["\r\n", "\n", "\r"], StringSplitOptions.RemoveEmptyEntries).Select(Cells).ToList();
        if (lines.Count == 0) return decisions;
        var header = lines[0].Select(c => c.Trim().ToLowerInvariant()).ToList();
        var (stage, outcome, pipeline, start) = header.Contains("stage") && header.Contains("outcome")
            ? (header.IndexOf("stage"), header.IndexOf("outcome"), header.IndexOf("pipeline"), 1)
            : (0, 1, -1, 0);
        foreach (var cells in lines.Skip(start))
        {
            string? At(int i) => i >= 0 && i < cells.Count ? cells[i].Trim() : null;
            if (!Add(decisions, At(pipeline) ?? "", At(stage), At(outcome), out problem)) return null;
        }

        return decisions;
    }

    private static bool Add(List<StageDecision> decisions, string pipeline, string? stage, string? outcome, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(stage) || !Enum.TryParse<StageOutcome>(outcome?.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(outcome, out _))
        {
            problem = $"The stages file says '{stage}' means '{outcome}'; each stage needs an outcome of won, lost or open.";
            return false;
        }

        decisions.Add(new StageDecision(pipeline.Trim(), stage.Trim(), parsed));
        return true;
    }

    // One CSV line: commas separate cells; a cell in double quotes may hold commas and doubled quotes.
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
