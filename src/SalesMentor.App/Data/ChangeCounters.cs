using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesMentor.App.Data;

/// <summary>
/// Counters that database triggers raise on every write to the tables a per-instance cache depends on (migration
/// <c>ChangeCounters</c>), whoever writes — EF, raw SQL, an import, another instance. A cache reads its counter (one
/// primary-key read) and reuses what it built while the number is unchanged.
/// </summary>
public static class ChangeCounters
{
    /// <summary>Inserts into, deletes from and manager changes of People: the manager tree.</summary>
    public const string People = "people";

    /// <summary>Any write to OrganizationSettings, ExchangeRates or StarRuleSettings: what the KPI cache key is read from.</summary>
    public const string KpiSettings = "kpi-settings";

    private const string Sql = """SELECT "Version" FROM "ChangeCounters" WHERE "Name" = @name""";

    /// <summary>The counter as this unit of work sees it (inside its transaction, when there is one).</summary>
    public static async Task<long> ReadAsync(SalesMentorDb db, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
            var value = await command.ExecuteScalarAsync(ct) ?? throw new DataException($"ChangeCounters has no '{name}' row: run the migrations.");
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
