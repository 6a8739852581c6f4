using MudBlazor;

namespace SalesMentor.Web.Components.Layout;

internal static class Theme
{
    /// <summary>System fonts only: the app must look right on a machine without internet.</summary>
    public static MudTheme Current { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"] },
        },
    };
}
