using SalesMentor.Core.Impact;

namespace SalesMentor.Web.Components.Pages.ManagerRoles;

/// <summary>How the pages name and colour the four roles.</summary>
internal static class RoleNames
{
    public static readonly ManagerRole[] All = [ManagerRole.Supervisor, ManagerRole.Coach, ManagerRole.Trainer, ManagerRole.Mentor];

    public static string Of(ManagerRole role) => role switch
    {
        ManagerRole.Supervisor => "Supervisor",
        ManagerRole.Coach => "Coach",
        ManagerRole.Trainer => "Trainer",
        _ => "Mentor",
    };

    public static string Hint(ManagerRole role) => role switch
    {
        ManagerRole.Supervisor => "expectations, goals, funnel review",
        ManagerRole.Coach => "call review, deal strategy",
        ManagerRole.Trainer => "teaching a skill",
        _ => "values, career, the long view",
    };
}
