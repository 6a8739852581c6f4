namespace SalesMentor.Core.Mentoring;

/// <summary>One of the article's attributes of a good mentor or a good mentee, rated 1 (not at all) to 5 (fully).</summary>
/// <param name="Key">Stable id, stored with every rating; never renamed.</param>
/// <param name="Name">The article's words.</param>
/// <param name="Question">What a rater is asked.</param>
public sealed record AttributeDefinition(string Key, string Name, string Question);

/// <summary>
/// The attributes the article names: what makes a mentor (<see cref="Mentor"/>) and what makes a mentee
/// (<see cref="Mentee"/>). Ratings are integers from <see cref="MinScore"/> to <see cref="MaxScore"/>.
/// </summary>
public static class MentoringAttributes
{
    /// <summary>The lowest score: the attribute does not describe the person.</summary>
    public const int MinScore = 1;

    /// <summary>The highest score: the attribute describes the person fully.</summary>
    public const int MaxScore = 5;

    /// <summary>"Respected and valued team member … demonstrated star performer … sincerity, earns trust, good communicator, desire to give back, concern for the company's well-being."</summary>
    public static IReadOnlyList<AttributeDefinition> Mentor { get; } =
    [
        new("respected", "Respected and valued team member", "Colleagues respect this person and value what they bring to the team."),
        new("star-performer", "Demonstrated star performer", "This person's results stand out, over time, in the role the mentee is working toward."),
        new("sincerity", "Sincerity", "This person means what they say."),
        new("earns-trust", "Earns trust", "People confide in this person, and the trust is kept."),
        new("communicator", "Good communicator", "This person explains clearly and listens well."),
        new("gives-back", "Desire to give back", "This person wants to pass on what they learned."),
        new("company-concern", "Concern for the company's well-being", "This person cares how the whole company does, not only their own numbers."),
    ];

    /// <summary>"Desire to earn respect, to be a star performer, willing to accept vulnerability, willing to risk time and effort, teachable."</summary>
    public static IReadOnlyList<AttributeDefinition> Mentee { get; } =
    [
        new("earn-respect", "Desire to earn respect", "This person wants to earn the respect of colleagues and customers."),
        new("become-star", "Desire to be a star performer", "This person wants to become a star performer."),
        new("accepts-vulnerability", "Willing to accept vulnerability", "This person is honest about skill deficits and shortcomings."),
        new("risks-time-effort", "Willing to risk time and effort", "This person invests their own time and effort to grow."),
        new("teachable", "Teachable", "This person takes advice and acts on it."),
    ];

    /// <summary>The attribute with this key on the given side, or null.</summary>
    public static AttributeDefinition? Find(bool mentorSide, string? key) =>
        (mentorSide ? Mentor : Mentee).FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.Ordinal));
}
