using System.Text.Json;

namespace SalesMentor.App.Tests.Infrastructure;

/// <summary>The Big List of Naughty Strings (../shared/data/blns.json), for bad-input tests.</summary>
public static class NaughtyStrings
{
    private static readonly Lazy<IReadOnlyList<string>> Strings = new(Load);

    public static IReadOnlyList<string> All => Strings.Value;

    /// <summary>Real names that must round-trip unchanged: rejecting them is a bug, not a defence.</summary>
    public static IReadOnlyList<string> RealNames { get; } =
        ["Zoë Ångström", "李小龍", "Seán O'Brien", "محمد عبد الله", "שרה כהן", "José Nuñez 🚀", "Łukasz Żółć", "Nguyễn Thị Minh Khai"];

    private static List<string> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "..", "shared", "data", "blns.json"))) dir = dir.Parent;
        if (dir is null) throw new FileNotFoundException("../shared/data/blns.json was not found above " + AppContext.BaseDirectory);
        var json = File.ReadAllText(Path.Combine(dir.FullName, "..", "shared", "data", "blns.json"));
        return JsonSerializer.Deserialize<List<string>>(json)!;
    }
}
