using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Sqlite
{
    /// <summary>
    /// Change counters for the per-instance caches (see <c>Data.ChangeCounters</c>): triggers raise
    /// <c>people</c> on every insert into, delete from and manager change of People, and <c>kpi-settings</c> on every
    /// write to OrganizationSettings, ExchangeRates and StarRuleSettings, whoever writes. Not part of the EF model.
    /// </summary>
    public partial class ChangeCounters : Migration
    {
        private static readonly (string Trigger, string Event, string Counter)[] Triggers =
        [
            ("People_Version_Insert", """AFTER INSERT ON "People" """, "people"),
            ("People_Version_Delete", """AFTER DELETE ON "People" """, "people"),
            ("People_Version_Manager", """AFTER UPDATE OF "ManagerId" ON "People" """, "people"),
            ("OrganizationSettings_Version_Insert", """AFTER INSERT ON "OrganizationSettings" """, "kpi-settings"),
            ("OrganizationSettings_Version_Update", """AFTER UPDATE ON "OrganizationSettings" """, "kpi-settings"),
            ("OrganizationSettings_Version_Delete", """AFTER DELETE ON "OrganizationSettings" """, "kpi-settings"),
            ("ExchangeRates_Version_Insert", """AFTER INSERT ON "ExchangeRates" """, "kpi-settings"),
            ("ExchangeRates_Version_Update", """AFTER UPDATE ON "ExchangeRates" """, "kpi-settings"),
            ("ExchangeRates_Version_Delete", """AFTER DELETE ON "ExchangeRates" """, "kpi-settings"),
            ("StarRuleSettings_Version_Insert", """AFTER INSERT ON "StarRuleSettings" """, "kpi-settings"),
            ("StarRuleSettings_Version_Update", """AFTER UPDATE ON "StarRuleSettings" """, "kpi-settings"),
            ("StarRuleSettings_Version_Delete", """AFTER DELETE ON "StarRuleSettings" """, "kpi-settings"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "ChangeCounters" ("Name" TEXT NOT NULL CONSTRAINT "PK_ChangeCounters" PRIMARY KEY, "Version" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('people', 0), ('kpi-settings', 0);""");
            foreach (var (trigger, on, counter) in Triggers)
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "{trigger}" {on}BEGIN UPDATE "ChangeCounters" SET "Version" = "Version" + 1 WHERE "Name" = '{counter}'; END;""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (trigger, _, _) in Triggers) migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
            migrationBuilder.Sql("""DROP TABLE "ChangeCounters";""");
        }
    }
}
