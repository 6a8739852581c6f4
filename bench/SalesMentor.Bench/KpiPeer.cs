using System.Data.Common;
using DuckDB.NET.Data;

namespace SalesMentor.Bench;

/// <summary>
/// The peer of the kpi-l scenario: DuckDB, in memory, on 2 threads, with the same records in three tables and the same
/// KPI definitions in one SQL statement that materializes a table of every rep × month. docs/kpis.md has the
/// definitions; every CASE below mirrors one of them.
/// </summary>
internal sealed class KpiPeer : IDisposable
{
    private readonly DuckDBConnection _connection;

    internal KpiPeer(KpiBenchData data, int threads)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute($"SET threads = {threads}");
        Execute("SET preserve_insertion_order = false");
        Execute("""
            CREATE TABLE opps (owner INTEGER NOT NULL, created DATE, close DATE, closed BOOLEAN NOT NULL, won BOOLEAN NOT NULL, amount BIGINT);
            CREATE TABLE acts (owner INTEGER NOT NULL, day DATE NOT NULL, type TINYINT NOT NULL, completed BOOLEAN NOT NULL);
            CREATE TABLE quotas (owner INTEGER NOT NULL, qstart DATE NOT NULL, qend DATE NOT NULL, amount BIGINT NOT NULL);
            CREATE TABLE reps (owner INTEGER NOT NULL);
            CREATE TABLE months (m INTEGER NOT NULL, mstart DATE NOT NULL, mend DATE NOT NULL);
            """);
        using (var appender = _connection.CreateAppender("opps"))
        {
            foreach (var o in data.Opportunities)
            {
                appender.CreateRow().AppendValue(o.Owner).AppendValue(o.CreatedOn).AppendValue(o.CloseDate)
                    .AppendValue(o.IsClosed).AppendValue(o.IsWon).AppendValue(o.Amount).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("acts"))
        {
            foreach (var a in data.Activities)
            {
                appender.CreateRow().AppendValue(a.Owner).AppendValue((DateOnly?)a.Date).AppendValue((sbyte?)(sbyte)a.Type)
                    .AppendValue(a.Completed).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("quotas"))
        {
            foreach (var q in data.Quotas)
            {
                appender.CreateRow().AppendValue(q.Owner).AppendValue((DateOnly?)q.Start).AppendValue((DateOnly?)q.End)
                    .AppendValue((long?)q.Amount).EndRow();
            }
        }

        using (var appender = _connection.CreateAppender("reps"))
        {
            for (var r = 0; r < KpiBenchData.Reps; r++) appender.CreateRow().AppendValue(r).EndRow();
        }

        using (var appender = _connection.CreateAppender("months"))
        {
            var periods = KpiBenchData.Periods();
            for (var m = 0; m < periods.Count; m++)
            {
                appender.CreateRow().AppendValue(m).AppendValue((DateOnly?)periods[m].Start).AppendValue((DateOnly?)periods[m].End).EndRow();
            }
        }

        Execute($"CREATE MACRO midx(d) AS (year(d) - {KpiBenchData.WindowStart.Year}) * 12 + month(d) - 1");
    }

    /// <summary>Runs the KPI statement; the result stays in DuckDB as table r (materialized, like our table).</summary>
    internal void Solve() => Execute(Sql);

    /// <summary>DuckDB's own profile of the statement, for writing the SQL well (not part of a run).</summary>
    internal string Explain()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "EXPLAIN ANALYZE " + Sql;
        using var reader = command.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (reader.Read()) text.AppendLine(reader.GetString(1));
        return text.ToString();
    }

    /// <summary>Reads table r into the canonical layout (not timed).</summary>
    internal KpiCells Read()
    {
        var cells = new KpiCells(KpiBenchData.Reps, KpiBenchData.Months);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT * FROM r ORDER BY owner, m";
        using var reader = command.ExecuteReader();
        var exact = KpiCells.MoneyKpis.Length + KpiCells.CountKpis.Length;
        while (reader.Read())
        {
            var owner = reader.GetInt32(0);
            var m = reader.GetInt32(1);
            for (var s = 0; s < exact; s++)
            {
                cells.Exact[cells.ExactIndex(owner, m, s)] = reader.GetValue(2 + s) switch
                {
                    DBNull => KpiCells.NullMoney,
                    System.Numerics.BigInteger huge => (long)huge,
                    var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
                };
            }

            for (var s = 0; s < KpiCells.RatioKpis.Length; s++)
            {
                var column = 2 + exact + s;
                cells.Ratios[cells.RatioIndex(owner, m, s)] = reader.IsDBNull(column) ? double.NaN : reader.GetDouble(column);
            }
        }

        return cells;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using DbCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Money is BIGINT in 1/10,000 units, as in our engine; sums are cast back from HUGEINT to BIGINT (they fit), which keeps
    // the window and joins on 64-bit values. Rounded divisions are halves away from zero, computed in HUGEINT.
    // Months are 0–35; "from"/"until" give the months whose end an opportunity was open at: created < end, not closed before end.
    private static string Sql => $$"""
        CREATE OR REPLACE TEMP TABLE r AS
        WITH
        closed_k AS (
            SELECT owner, midx(close) AS m,
                count(*) FILTER (WHERE won) AS won_n,
                count(*) FILTER (WHERE NOT won) AS lost_n,
                coalesce(sum(amount) FILTER (WHERE won), 0)::BIGINT AS won_amt,
                coalesce(sum(amount) FILTER (WHERE NOT won), 0)::BIGINT AS lost_amt,
                count(*) FILTER (WHERE won AND amount IS NULL) AS won_noamt,
                count(*) FILTER (WHERE NOT won AND amount IS NULL) AS lost_noamt,
                count(*) FILTER (WHERE won AND created IS NULL) AS cyc_missing,
                count(*) FILTER (WHERE won AND close < created) AS cyc_neg
            FROM opps
            WHERE closed AND close >= DATE '{{KpiBenchData.WindowStart:yyyy-MM-dd}}' AND close < DATE '{{KpiBenchData.WindowEnd:yyyy-MM-dd}}'
            GROUP BY ALL),
        cycle_k AS (
            SELECT owner, midx(close) AS m, count(*) AS cyc_n, sum(close - created)::BIGINT AS cyc_sum, quantile_cont(close - created, 0.5) AS cyc_median
            FROM opps
            WHERE won AND close >= created
              AND close >= DATE '{{KpiBenchData.WindowStart:yyyy-MM-dd}}' AND close < DATE '{{KpiBenchData.WindowEnd:yyyy-MM-dd}}'
            GROUP BY ALL),
        created_k AS (
            SELECT owner, midx(created) AS m, count(*) AS created_n, coalesce(sum(amount), 0)::BIGINT AS created_amt
            FROM opps
            WHERE NOT (closed AND close IS NULL) AND created >= DATE '{{KpiBenchData.WindowStart:yyyy-MM-dd}}' AND created < DATE '{{KpiBenchData.WindowEnd:yyyy-MM-dd}}'
            GROUP BY ALL),
        spans AS (
            SELECT owner, amount,
                CASE WHEN created < DATE '{{KpiBenchData.WindowStart:yyyy-MM-dd}}' THEN 0
                     WHEN created >= DATE '{{KpiBenchData.WindowEnd:yyyy-MM-dd}}' THEN {{KpiBenchData.Months}}
                     ELSE midx(created) END AS f,
                CASE WHEN NOT closed THEN {{KpiBenchData.Months}}
                     WHEN close < DATE '{{KpiBenchData.WindowStart:yyyy-MM-dd}}' THEN 0
                     WHEN close >= DATE '{{KpiBenchData.WindowEnd:yyyy-MM-dd}}' THEN {{KpiBenchData.Months}}
                     ELSE midx(close) END AS u
            FROM opps WHERE created IS NOT NULL AND NOT (closed AND close IS NULL)),
        deltas AS (
            SELECT owner, m, sum(dn)::BIGINT AS dn, sum(da)::BIGINT AS da FROM (
                SELECT owner, f AS m, 1 AS dn, coalesce(amount, 0) AS da FROM spans WHERE f < u
                UNION ALL
                SELECT owner, u AS m, -1 AS dn, -coalesce(amount, 0) AS da FROM spans WHERE f < u AND u < {{KpiBenchData.Months}})
            GROUP BY ALL),
        open_k AS (
            SELECT g.owner, g.m,
                sum(coalesce(d.dn, 0)) OVER w AS open_n,
                sum(coalesce(d.da, 0)) OVER w AS open_amt
            FROM (SELECT owner, m FROM reps CROSS JOIN months) g
            LEFT JOIN deltas d ON d.owner = g.owner AND d.m = g.m
            WINDOW w AS (PARTITION BY g.owner ORDER BY g.m ROWS UNBOUNDED PRECEDING)),
        quota_parts AS (
            SELECT q.owner, mo.m, q.amount::HUGEINT AS amount,
                (least(q.qend, mo.mend) - greatest(q.qstart, mo.mstart))::HUGEINT AS part,
                (q.qend - q.qstart)::HUGEINT AS whole
            FROM quotas q JOIN months mo ON q.qstart < mo.mend AND q.qend > mo.mstart),
        quota_k AS (
            SELECT owner, m,
                sum(CASE WHEN part = whole THEN amount
                         WHEN amount >= 0 THEN (2 * amount * part + whole) // (2 * whole)
                         ELSE -((2 * -amount * part + whole) // (2 * whole)) END)::BIGINT AS quota
            FROM quota_parts GROUP BY ALL),
        act_k AS (
            SELECT owner, midx(day) AS m,
                count(*) FILTER (WHERE type = 0) AS calls,
                count(*) FILTER (WHERE type = 1) AS emails,
                count(*) FILTER (WHERE type = 2) AS meetings,
                count(*) FILTER (WHERE type = 3) AS tasks,
                count(*) FILTER (WHERE type = 4) AS others,
                count(*) AS acts
            FROM acts
            WHERE completed AND day >= DATE '{{KpiBenchData.WindowStart:yyyy-MM-dd}}' AND day < DATE '{{KpiBenchData.WindowEnd:yyyy-MM-dd}}'
            GROUP BY ALL),
        k AS (
            SELECT g.owner, g.m, g.open_n, g.open_amt,
                coalesce(c.won_n, 0) AS won_n, coalesce(c.lost_n, 0) AS lost_n,
                coalesce(c.won_amt, 0)::HUGEINT AS won_amt, coalesce(c.lost_amt, 0)::HUGEINT AS lost_amt,
                coalesce(c.won_noamt, 0) AS won_noamt, coalesce(c.lost_noamt, 0) AS lost_noamt,
                coalesce(y.cyc_n, 0) AS cyc_n, coalesce(c.cyc_missing, 0) AS cyc_missing, coalesce(c.cyc_neg, 0) AS cyc_neg,
                y.cyc_sum, y.cyc_median,
                coalesce(cr.created_n, 0) AS created_n, coalesce(cr.created_amt, 0) AS created_amt,
                q.quota,
                coalesce(a.calls, 0) AS calls, coalesce(a.emails, 0) AS emails, coalesce(a.meetings, 0) AS meetings,
                coalesce(a.tasks, 0) AS tasks, coalesce(a.others, 0) AS others, coalesce(a.acts, 0) AS acts
            FROM open_k g
            LEFT JOIN closed_k c ON c.owner = g.owner AND c.m = g.m
            LEFT JOIN cycle_k y ON y.owner = g.owner AND y.m = g.m
            LEFT JOIN created_k cr ON cr.owner = g.owner AND cr.m = g.m
            LEFT JOIN quota_k q ON q.owner = g.owner AND q.m = g.m
            LEFT JOIN act_k a ON a.owner = g.owner AND a.m = g.m)
        SELECT owner, m,
            won_amt, lost_amt,
            CASE WHEN won_n - won_noamt = 0 THEN NULL
                 WHEN won_amt >= 0 THEN (2 * won_amt + (won_n - won_noamt)) // (2 * (won_n - won_noamt))
                 ELSE -((2 * -won_amt + (won_n - won_noamt)) // (2 * (won_n - won_noamt))) END AS avg_deal,
            created_amt, open_amt, quota,
            won_n, lost_n, won_n + lost_n AS closed_n, won_noamt, lost_noamt, created_n, open_n,
            cyc_n, cyc_missing, cyc_neg, calls, emails, meetings, tasks, others, acts,
            CASE WHEN won_n + lost_n = 0 THEN NULL ELSE won_n::DOUBLE / (won_n + lost_n)::DOUBLE END AS win_rate,
            CASE WHEN won_amt + lost_amt = 0 THEN NULL ELSE won_amt::DOUBLE / (won_amt + lost_amt)::DOUBLE END AS win_rate_value,
            cyc_median,
            CASE WHEN cyc_n = 0 THEN NULL ELSE cyc_sum::DOUBLE / cyc_n::DOUBLE END AS cyc_mean,
            CASE WHEN quota IS NULL OR quota = 0 THEN NULL ELSE won_amt::DOUBLE / quota::DOUBLE END AS attainment,
            CASE WHEN quota IS NULL OR quota - won_amt <= 0 THEN NULL ELSE open_amt::DOUBLE / (quota - won_amt)::DOUBLE END AS coverage
        FROM k
        """;
}
