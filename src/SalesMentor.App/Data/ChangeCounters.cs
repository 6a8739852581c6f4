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

    /// <summary>
    /// Any write to ApiTokens but its last-used time, to AspNetUsers, AspNetUserRoles, AspNetRoles, AspNetUserClaims or
    /// AspNetRoleClaims, and the deletion, renaming or leaving date of a person: what an API token check and a sign-in
    /// cookie's security-stamp check read (migrations <c>CacheCounters</c>, <c>ClaimCounters</c>).
    /// </summary>
    public const string Tokens = "tokens";

    /// <summary>
    /// Any write to Teams or Regions, and inserts into, deletes from and team, region or leaving date changes of People:
    /// the team and region lists with their head counts (migration <c>CacheCounters</c>).
    /// </summary>
    public const string OrgUnits = "org-units";

    /// <summary>Any write to People, Teams or Regions: what a page of the people directory shows (migration <c>DirectoryCache</c>).</summary>
    public const string Directory = "directory";

    internal const string Sql = """SELECT "Version" FROM "ChangeCounters" WHERE "Name" = @name""";

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
            return ToVersion(await command.ExecuteScalarAsync(ct), name);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static long ToVersion(object? value, string name) =>
        value is null or DBNull
            ? throw new DataException($"ChangeCounters has no '{name}' row: run the migrations.")
            : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
