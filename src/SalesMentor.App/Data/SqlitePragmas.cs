using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesMentor.App.Data;

/// <summary>
/// Per-connection SQLite settings: every commit reaches the disk before it is acknowledged
/// (<c>synchronous=FULL</c>) and foreign keys are enforced. WAL mode is persistent in the file
/// and is set once at start-up by <see cref="DatabaseInitializer"/>.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const string Sql = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
