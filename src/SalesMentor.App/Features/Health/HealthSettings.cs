using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Health;

internal static class HealthSettings
{
    public const int MaxWeeks = 12;

    /// <summary>Pulses already answered in the program: from then on the pulse interval stays, so closed rounds stay closed.</summary>
    public static Task<bool> PulsesStartedAsync(SalesMentorDb db, Guid programId, CancellationToken ct) =>
        db.Pulses.AnyAsync(p => db.Mentorships.Any(m => m.Id == p.MentorshipId && m.ProgramId == programId), ct);

    public static async Task<HealthSettingsView> ViewAsync(SalesMentorDb db, MentorshipProgram program, CancellationToken ct) =>
        new(program.PulseEveryWeeks, program.NoSessionAlertWeeks, await PulsesStartedAsync(db, program.Id, ct), program.Version);
}

/// <summary>
/// The program's health settings: weeks between pulses and weeks without a session before a pair is flagged (1–12 each).
/// The program's managers only (403 for others who see it). Once pulses were answered the pulse interval cannot change
/// (409): rounds would shift, and a closed round could gain answers — an aggregate that changes by one answer tells that answer.
/// </summary>
public sealed class SaveHealthSettings(SalesMentorDb db, Access access, TimeProvider clock)
{
    public async Task<Result<HealthSettingsView>> HandleAsync(Actor actor, Guid programId, HealthSettingsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await access.LoadProgramAsync(actor, programId, ct, tracking: true);
        if (program is null) return Error.NotFound("program");
        if (!await access.IsProgramManagerAsync(actor, programId, ct)) return Error.Forbidden("program.not_manager", "Only the program's admins and coordinators change its health settings.");
        if (request.PulseEveryWeeks is < 1 or > HealthSettings.MaxWeeks) return Error.Validation("health.pulse_weeks", $"Pulses come every 1 to {HealthSettings.MaxWeeks} weeks.");
        if (request.NoSessionAlertWeeks is < 1 or > HealthSettings.MaxWeeks) return Error.Validation("health.no_session_weeks", $"Flag a pair after 1 to {HealthSettings.MaxWeeks} weeks without a session.");
        if (request.PulseEveryWeeks != program.PulseEveryWeeks && await HealthSettings.PulsesStartedAsync(db, programId, ct))
        {
            return Error.Conflict("health.pulses_started", "Pulses have been answered in this program: the interval between pulses can no longer change.");
        }

        db.Entry(program).Property(p => p.Version).OriginalValue = request.Version;
        (program.PulseEveryWeeks, program.NoSessionAlertWeeks, program.UpdatedAt) = (request.PulseEveryWeeks, request.NoSessionAlertWeeks, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("program");
        }

        return await HealthSettings.ViewAsync(db, program, ct);
    }
}
