using System.Text.Json;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.Health;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// When a mentorship's pulses fall: rounds of <see cref="EveryWeeks"/> weeks from <see cref="Anchor"/> — the day the
/// program was created, which never moves, so every pair of a program shares its rounds and a closed round never
/// gains an answer (aggregates of closed rounds stay what they were). A mentorship without a program counts from its start.
/// </summary>
internal sealed record PulseSchedule(DateOnly Anchor, int EveryWeeks, int NoSessionWeeks, DateOnly? PlannedEnd)
{
    public const int DefaultEveryWeeks = 4;
    public const int DefaultNoSessionWeeks = 3;

    public static PulseSchedule Of(Mentorship m, MentorshipProgram? program) =>
        program is null ? new(m.StartedOn, DefaultEveryWeeks, DefaultNoSessionWeeks, null) : Of(program);

    public static PulseSchedule Of(MentorshipProgram program) =>
        new(DateOnly.FromDateTime(program.CreatedAt), program.PulseEveryWeeks, program.NoSessionAlertWeeks, program.EndsOn);

    public int Round(DateOnly day) => HealthRules.Round(Anchor, EveryWeeks, day);

    public DateOnly Start(int round) => HealthRules.RoundStart(Anchor, EveryWeeks, round);
}

/// <summary>The sealed content of a pulse: the four scores and the comment, opened by the app only for its author and for flags and aggregates.</summary>
internal sealed record PulseContent(int Trust, int Safety, int Value, int Commitment, string? Comment)
{
    public const string Field = "pulse.answers";

    public PulseScores Scores => new(Trust, Safety, Value, Commitment);

    public byte[] Seal(ConfidentialCipher cipher, Guid pulseId) => cipher.Seal(JsonSerializer.Serialize(this, JsonSerializerOptions.Web), pulseId, Field);

    public static PulseContent Open(ConfidentialCipher cipher, Pulse pulse) =>
        JsonSerializer.Deserialize<PulseContent>(cipher.Open(pulse.SealedAnswers, pulse.Id, Field), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("A pulse holds no answers.");
}
