namespace SalesMentor.App.Tests.Cli;

/// <summary>
/// Command-line tests run one at a time: Spectre.Console's console is process-wide and refuses two
/// live displays (progress bars) at once.
/// </summary>
[CollectionDefinition(nameof(CommandLineRuns), DisableParallelization = true)]
public sealed class CommandLineRuns;
