using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <summary>
    /// Change counters for the per-instance caches (see <c>Data.ChangeCounters</c>): statement triggers raise
    /// <c>people</c> on every insert into, delete from, truncate of and manager change of People, and
    /// <c>kpi-settings</c> on every write to OrganizationSettings, ExchangeRates and StarRuleSettings, whoever writes.
    /// Not part of the EF model.
    /// </summary>
    public partial class ChangeCounters : Migration
    {
        private static readonly (string Table, string Events, string Counter)[] Triggers =
        [
            ("People", """INSERT OR DELETE OR UPDATE OF "ManagerId" OR TRUNCATE""", "people"),
            ("OrganizationSettings", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "kpi-settings"),
            ("ExchangeRates", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "kpi-settings"),
            ("StarRuleSettings", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "kpi-settings"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "ChangeCounters" ("Name" text NOT NULL CONSTRAINT "PK_ChangeCounters" PRIMARY KEY, "Version" bigint NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('people', 0), ('kpi-settings', 0);""");
            migrationBuilder.Sql("""
                CREATE FUNCTION salesmentor_bump_counter() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    UPDATE "ChangeCounters" SET "Version" = "Version" + 1 WHERE "Name" = TG_ARGV[0];
                    RETURN NULL;
                END
                $body$;
                """);
            foreach (var (table, events, counter) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Version" AFTER {events} ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION salesmentor_bump_counter('{counter}');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _) in Triggers) migrationBuilder.Sql($"""DROP TRIGGER "{table}_Version" ON "{table}";""");
            migrationBuilder.Sql("DROP FUNCTION salesmentor_bump_counter();");
            migrationBuilder.Sql("""DROP TABLE "ChangeCounters";""");
        }
    }
}
