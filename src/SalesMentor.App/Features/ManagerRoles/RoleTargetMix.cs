using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.ManagerRoles;

/// <summary>Everyone signed in may read the target role mix (it frames every role-balance chart).</summary>
public sealed class GetRoleTargetMix(SalesMentorDb db)
{
    public async Task<Result<RoleTargetMixView>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var s = await db.OrganizationSettings.AsNoTracking().SingleAsync(ct);
        return new RoleTargetMixView(s.TargetSupervisorPercent, s.TargetCoachPercent, s.TargetTrainerPercent, s.TargetMentorPercent, s.Version);
    }
}

/// <summary>Admins set the target mix: four whole percentages from 0 to 100 that sum to 100; a stale edit is refused.</summary>
public sealed class SetRoleTargetMix(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<RoleTargetMixView>> HandleAsync(Actor actor, RoleTargetMixView request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("settings.admin_only", "Only an admin can set the target role mix.");
        int[] parts = [request.Supervisor, request.Coach, request.Trainer, request.Mentor];
        if (parts.Any(p => p is < 0 or > 100) || parts.Sum() != 100)
            return Error.Validation("role_target.sum", "The target mix is four whole percentages from 0 to 100 that add up to 100.");
        var s = await db.OrganizationSettings.SingleAsync(ct);
        db.Entry(s).Property(x => x.Version).OriginalValue = request.Version;
        (s.TargetSupervisorPercent, s.TargetCoachPercent, s.TargetTrainerPercent, s.TargetMentorPercent) = (request.Supervisor, request.Coach, request.Trainer, request.Mentor);
        audit.Record(actor, "settings.role_target", "organization", null, $"{request.Supervisor}/{request.Coach}/{request.Trainer}/{request.Mentor}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("settings");
        }

        return new RoleTargetMixView(s.TargetSupervisorPercent, s.TargetCoachPercent, s.TargetTrainerPercent, s.TargetMentorPercent, s.Version);
    }
}
