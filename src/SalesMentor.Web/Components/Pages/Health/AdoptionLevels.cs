using SalesMentor.App.Domain;

namespace SalesMentor.Web.Components.Pages.Health;

/// <summary>The words of the adoption scale and of who rated.</summary>
public static class AdoptionLevels
{
    public static IReadOnlyList<AdoptionLevel> All { get; } = Enum.GetValues<AdoptionLevel>();

    public static string Of(AdoptionLevel level) => level switch
    {
        AdoptionLevel.NotYet => "not yet",
        AdoptionLevel.Trying => "trying",
        AdoptionLevel.Practising => "practising",
        AdoptionLevel.Consistent => "consistent",
        _ => "habit",
    };

    public static string Of(AdoptionSource source) => source == AdoptionSource.Self ? "mentee's check-in" : "mentor's observation";
}
