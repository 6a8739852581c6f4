using SalesMentor.Core.Matching;

namespace SalesMentor.App.Features.Matching;

/// <summary>The solver modes by name: BestTotalFit (best), Fairest (fair), Stable; case does not matter.</summary>
public static class MatchModes
{
    public static bool TryParse(string? text, out MatchMode mode)
    {
        mode = MatchMode.BestTotalFit;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "BEST" or "BESTTOTALFIT" or "BEST-TOTAL-FIT": mode = MatchMode.BestTotalFit; return true;
            case "FAIR" or "FAIREST": mode = MatchMode.Fairest; return true;
            case "STABLE": mode = MatchMode.Stable; return true;
            default: return false;
        }
    }

    /// <summary>The name shown to people: "best total fit", "fairest", "stable".</summary>
    public static string Describe(MatchMode mode) => mode switch
    {
        MatchMode.Fairest => "fairest",
        MatchMode.Stable => "stable",
        _ => "best total fit",
    };
}
