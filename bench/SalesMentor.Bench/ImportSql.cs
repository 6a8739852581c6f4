namespace SalesMentor.Bench;

/// <summary>
/// The import-l peers' SQL: the production tables' columns and indexes (unique (source, external id), (owner, date)),
/// the CRM owner links, an upsert that keeps unchanged rows untouched, and the compared KPIs per rep and month.
/// </summary>
internal static class Sql
{
    private const string Staging =
        "CREATE TABLE opp_stage(Id TEXT, IsDeleted TEXT, AccountId TEXT, Name TEXT, StageName TEXT, Amount TEXT, Probability TEXT, CloseDate TEXT, IsClosed TEXT, IsWon TEXT, ForecastCategory TEXT, OwnerId TEXT, CreatedDate TEXT, FiscalQuarter TEXT, FiscalYear TEXT);\n" +
        "CREATE TABLE task_stage(Id TEXT, Subject TEXT, ActivityDate TEXT, Status TEXT, Priority TEXT, OwnerId TEXT, IsClosed TEXT, CreatedDate TEXT, TaskSubtype TEXT, Type TEXT);\n";

    private const string Tables =
        "CREATE TABLE people(id INTEGER PRIMARY KEY, rep TEXT NOT NULL);\n" +
        "CREATE TABLE crm_owner_links(owner_id TEXT PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id));\n" +
        "CREATE INDEX ix_links_person ON crm_owner_links(person_id);\n" +
        "CREATE TABLE opportunities(id INTEGER PRIMARY KEY, source TEXT NOT NULL, external_id TEXT NOT NULL, owner_id INTEGER REFERENCES people(id), owner_ref TEXT, name TEXT, account TEXT, stage TEXT, amount BIGINT, currency TEXT NOT NULL, created_on DATE, close_date DATE, is_closed BOOLEAN NOT NULL, is_won BOOLEAN NOT NULL, probability INTEGER, imported_at TIMESTAMP NOT NULL, version INTEGER NOT NULL);\n" +
        "CREATE UNIQUE INDEX ux_opportunities_source_external_id ON opportunities(source, external_id);\n" +
        "CREATE INDEX ix_opportunities_owner_close ON opportunities(owner_id, close_date);\n" +
        "CREATE TABLE activities(id INTEGER PRIMARY KEY, source TEXT NOT NULL, external_id TEXT NOT NULL, owner_id INTEGER REFERENCES people(id), owner_ref TEXT, subject TEXT, type TEXT NOT NULL, date DATE NOT NULL, completed BOOLEAN NOT NULL, imported_at TIMESTAMP NOT NULL, version INTEGER NOT NULL);\n" +
        "CREATE UNIQUE INDEX ux_activities_source_external_id ON activities(source, external_id);\n" +
        "CREATE INDEX ix_activities_owner_date ON activities(owner_id, date);\n";

    internal const string SqliteSchema = "PRAGMA journal_mode=WAL;\n" + Tables;

    internal static string SqlitePeople(string users) =>
        "CREATE TABLE user_stage(Id TEXT, Name TEXT, Email TEXT, IsActive TEXT, ManagerId TEXT);\n" +
        $".import --csv --skip 1 '{users}' user_stage\n" +
        "INSERT INTO people(id, rep) SELECT rowid, substr(Name, 5) FROM user_stage;\n" +
        "INSERT INTO crm_owner_links(owner_id, person_id) SELECT Id, rowid FROM user_stage;\nDROP TABLE user_stage;\n";

    // Shared by both peers: the rows as the app stores them, then an upsert that leaves unchanged rows alone.
    private const string OpportunityRows =
        "SELECT 'salesforce' AS source, s.Id AS external_id, l.person_id AS owner_id, NULLIF(s.OwnerId, '') AS owner_ref, NULLIF(s.Name, '') AS name, NULLIF(s.AccountId, '') AS account, " +
        "NULLIF(s.StageName, '') AS stage, CASE WHEN s.Amount = '' THEN NULL ELSE CAST(round(CAST(s.Amount AS DOUBLE) * 10000) AS BIGINT) END AS amount, 'USD' AS currency, " +
        "NULLIF(substr(s.CreatedDate, 1, 10), '') AS created_on, NULLIF(s.CloseDate, '') AS close_date, s.IsClosed IN ('1', 'true') AS is_closed, s.IsWon IN ('1', 'true') AS is_won, " +
        "CAST(NULLIF(s.Probability, '') AS INTEGER) AS probability, CURRENT_TIMESTAMP AS imported_at, 1 AS version " +
        "FROM opp_stage s LEFT JOIN crm_owner_links l ON l.owner_id = s.OwnerId";

    private const string OpportunityUpsert =
        " ON CONFLICT (source, external_id) DO UPDATE SET owner_id = excluded.owner_id, owner_ref = excluded.owner_ref, name = excluded.name, account = excluded.account, stage = excluded.stage, " +
        "amount = excluded.amount, currency = excluded.currency, created_on = excluded.created_on, close_date = excluded.close_date, is_closed = excluded.is_closed, is_won = excluded.is_won, " +
        "probability = excluded.probability, imported_at = excluded.imported_at, version = opportunities.version + 1";

    private const string OpportunityChanged =
        " WHERE opportunities.owner_id IS NOT excluded.owner_id OR opportunities.owner_ref IS NOT excluded.owner_ref OR opportunities.name IS NOT excluded.name OR opportunities.account IS NOT excluded.account " +
        "OR opportunities.stage IS NOT excluded.stage OR opportunities.amount IS NOT excluded.amount OR opportunities.created_on IS NOT excluded.created_on OR opportunities.close_date IS NOT excluded.close_date " +
        "OR opportunities.is_closed IS NOT excluded.is_closed OR opportunities.is_won IS NOT excluded.is_won OR opportunities.probability IS NOT excluded.probability";

    private const string ActivityRows =
        "SELECT 'salesforce' AS source, s.Id AS external_id, l.person_id AS owner_id, NULLIF(s.OwnerId, '') AS owner_ref, NULLIF(s.Subject, '') AS subject, " +
        "CASE upper(s.TaskSubtype) WHEN 'CALL' THEN 'Call' WHEN 'EMAIL' THEN 'Email' WHEN 'LISTEMAIL' THEN 'Email' WHEN 'TASK' THEN 'Task' ELSE " +
        "CASE upper(s.Type) WHEN 'CALL' THEN 'Call' WHEN 'EMAIL' THEN 'Email' WHEN 'MEETING' THEN 'Meeting' WHEN 'OTHER' THEN 'Other' ELSE 'Task' END END AS type, " +
        "COALESCE(NULLIF(s.ActivityDate, ''), substr(s.CreatedDate, 1, 10)) AS date, (s.IsClosed IN ('1', 'true') OR s.Status = 'Completed') AS completed, " +
        "CURRENT_TIMESTAMP AS imported_at, 1 AS version FROM task_stage s LEFT JOIN crm_owner_links l ON l.owner_id = s.OwnerId";

    private const string ActivityUpsert =
        " ON CONFLICT (source, external_id) DO UPDATE SET owner_id = excluded.owner_id, owner_ref = excluded.owner_ref, subject = excluded.subject, type = excluded.type, date = excluded.date, " +
        "completed = excluded.completed, imported_at = excluded.imported_at, version = activities.version + 1";

    private const string ActivityChanged =
        " WHERE activities.owner_id IS NOT excluded.owner_id OR activities.owner_ref IS NOT excluded.owner_ref OR activities.subject IS NOT excluded.subject OR activities.type IS NOT excluded.type " +
        "OR activities.date IS NOT excluded.date OR activities.completed IS NOT excluded.completed";

    private const string OpportunityColumns = "(source, external_id, owner_id, owner_ref, name, account, stage, amount, currency, created_on, close_date, is_closed, is_won, probability, imported_at, version)";
    private const string ActivityColumns = "(source, external_id, owner_id, owner_ref, subject, type, date, completed, imported_at, version)";

    internal static string SqliteImport(ImportFiles files) =>
        "PRAGMA synchronous=FULL;\nPRAGMA foreign_keys=ON;\n" + Staging +
        $".import --csv --skip 1 '{files.Opportunities}' opp_stage\n" +
        $".import --csv --skip 1 '{files.Tasks}' task_stage\n" +
        "BEGIN;\n" +
        $"INSERT INTO opportunities{OpportunityColumns} {OpportunityRows} WHERE true{OpportunityUpsert}{OpportunityChanged};\n" +
        $"INSERT INTO activities{ActivityColumns} {ActivityRows} WHERE true{ActivityUpsert}{ActivityChanged};\n" +
        "DROP TABLE opp_stage;\nDROP TABLE task_stage;\nCOMMIT;\n";

    private const string KpiSelect =
        "WITH o AS (SELECT p.rep, x.* FROM opportunities x JOIN people p ON p.id = x.owner_id), " +
        "a AS (SELECT p.rep, x.* FROM activities x JOIN people p ON p.id = x.owner_id WHERE x.completed) " +
        "SELECT rep, strftime(close_date, '%Y-%m') AS month, 'won_revenue' AS kpi, COALESCE(sum(amount), 0) AS value FROM o WHERE is_won AND close_date IS NOT NULL GROUP BY 1, 2 " +
        "UNION ALL SELECT rep, strftime(close_date, '%Y-%m'), 'lost_amount', COALESCE(sum(amount), 0) FROM o WHERE is_closed AND NOT is_won AND close_date IS NOT NULL GROUP BY 1, 2 " +
        "UNION ALL SELECT rep, strftime(close_date, '%Y-%m'), 'won_deals', count(*) FROM o WHERE is_won AND close_date IS NOT NULL GROUP BY 1, 2 " +
        "UNION ALL SELECT rep, strftime(close_date, '%Y-%m'), 'lost_deals', count(*) FROM o WHERE is_closed AND NOT is_won AND close_date IS NOT NULL GROUP BY 1, 2 " +
        "UNION ALL SELECT rep, strftime(created_on, '%Y-%m'), 'pipeline_created', COALESCE(sum(amount), 0) FROM o WHERE created_on IS NOT NULL AND NOT (is_closed AND close_date IS NULL) GROUP BY 1, 2 " +
        "UNION ALL SELECT rep, strftime(created_on, '%Y-%m'), 'opportunities_created', count(*) FROM o WHERE created_on IS NOT NULL AND NOT (is_closed AND close_date IS NULL) GROUP BY 1, 2 " +
        "UNION ALL SELECT rep, strftime(date, '%Y-%m'), CASE type WHEN 'Call' THEN 'calls' WHEN 'Email' THEN 'emails' WHEN 'Meeting' THEN 'meetings' WHEN 'Task' THEN 'tasks' ELSE 'other_activities' END, count(*) FROM a GROUP BY 1, 2, 3 " +
        "UNION ALL SELECT rep, strftime(date, '%Y-%m'), 'activities', count(*) FROM a GROUP BY 1, 2";

    // SQLite's strftime takes the format first.
    internal static readonly string SqliteKpis =
        "DROP TABLE IF EXISTS kpi_cells;\nCREATE TABLE kpi_cells AS " + SqliteStrftime(KpiSelect) + ";\n";

    // DuckDB cannot change a column of an index in an upsert, so it keeps the unique keys and leaves out the (owner, date)
    // indexes (it scans with zone maps instead).
    internal static readonly string DuckSchema = string.Join("\n", Tables.Split('\n').Where(l => !l.StartsWith("CREATE INDEX", StringComparison.Ordinal)));

    internal static string DuckPeople(string users) =>
        $"INSERT INTO people SELECT row_number() OVER (), substr(Name, 5) FROM read_csv('{users}', header = true, all_varchar = true);\n" +
        $"INSERT INTO crm_owner_links SELECT Id, row_number() OVER () FROM read_csv('{users}', header = true, all_varchar = true);\n";

    internal static string DuckImport(ImportFiles files) =>
        Staging.Replace("TEXT", "VARCHAR", StringComparison.Ordinal) +
        $"INSERT INTO opp_stage SELECT * FROM read_csv('{files.Opportunities}', header = true, all_varchar = true);\n" +
        $"INSERT INTO task_stage SELECT * FROM read_csv('{files.Tasks}', header = true, all_varchar = true);\n" +
        "UPDATE opp_stage SET Amount = COALESCE(Amount, ''), CreatedDate = COALESCE(CreatedDate, ''), CloseDate = COALESCE(CloseDate, ''), IsClosed = COALESCE(IsClosed, ''), IsWon = COALESCE(IsWon, ''), Probability = COALESCE(Probability, '');\n" +
        "UPDATE task_stage SET TaskSubtype = COALESCE(TaskSubtype, ''), Type = COALESCE(Type, ''), IsClosed = COALESCE(IsClosed, ''), ActivityDate = COALESCE(ActivityDate, '');\n" +
        "CREATE SEQUENCE IF NOT EXISTS opp_ids; CREATE SEQUENCE IF NOT EXISTS act_ids;\n" +
        $"INSERT INTO opportunities SELECT nextval('opp_ids'), * FROM ({OpportunityRows}){OpportunityUpsert};\n" +
        $"INSERT INTO activities SELECT nextval('act_ids'), * FROM ({ActivityRows}){ActivityUpsert};\n" +
        "DROP TABLE opp_stage; DROP TABLE task_stage; CHECKPOINT;\n";

    internal const string DuckKpis = "CREATE OR REPLACE TABLE kpi_cells AS " + KpiSelect + "; CHECKPOINT;";

    private static string SqliteStrftime(string sql)
    {
        foreach (var column in new[] { "close_date", "created_on", "date" })
        {
            sql = sql.Replace($"strftime({column}, '%Y-%m')", $"strftime('%Y-%m', {column})", StringComparison.Ordinal);
        }

        return sql;
    }
}
