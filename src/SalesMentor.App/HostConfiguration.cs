using Microsoft.Extensions.Configuration;
using SalesMentor.App.Data;

namespace SalesMentor.App;

/// <summary>
/// Both hosts read the same configuration: their built-in defaults, then
/// <c>&lt;data folder&gt;/salesmentor.json</c> (optional), then environment variables and
/// command-line switches, which win. So the web app and the command line agree on the database
/// without any set-up.
/// </summary>
public static class HostConfiguration
{
    public const string SharedFileName = "salesmentor.json";

    public static void AddSharedSources(IConfigurationManager configuration, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataFolder = DatabaseOptions.DataFolderOf(configuration);
        configuration.AddJsonFile(Path.Combine(dataFolder, SharedFileName), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
