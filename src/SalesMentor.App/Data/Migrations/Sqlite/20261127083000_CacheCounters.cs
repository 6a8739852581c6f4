using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Sqlite
{
    /// <summary>
    /// Two more change counters for per-instance caches (see <c>Data.ChangeCounters</c>): <c>tokens</c>, raised by every
    /// write to ApiTokens (but its last-used time), AspNetUsers, AspNetUserRoles and AspNetRoles and by the deletion,
    /// renaming or leaving date of a person — what an API token check reads; <c>org-units</c>, raised by every write to Teams and Regions
    /// and by the insertion, deletion or team, region or leaving date change of a person — the team and region lists.
    /// Not part of the EF model.
    /// </summary>
    public partial class CacheCounters : Migration
    {
        private static readonly (string Trigger, string Event, string Counter)[] Triggers =
        [
            ("ApiTokens_Tokens_Insert", """AFTER INSERT ON "ApiTokens" """, "tokens"),
            ("ApiTokens_Tokens_Update", """AFTER UPDATE OF "UserId", "Hash", "Scope", "ExpiresAt", "RevokedAt" ON "ApiTokens" """, "tokens"),
            ("ApiTokens_Tokens_Delete", """AFTER DELETE ON "ApiTokens" """, "tokens"),
            ("AspNetUsers_Tokens_Insert", """AFTER INSERT ON "AspNetUsers" """, "tokens"),
            ("AspNetUsers_Tokens_Update", """AFTER UPDATE ON "AspNetUsers" """, "tokens"),
            ("AspNetUsers_Tokens_Delete", """AFTER DELETE ON "AspNetUsers" """, "tokens"),
            ("AspNetUserRoles_Tokens_Insert", """AFTER INSERT ON "AspNetUserRoles" """, "tokens"),
            ("AspNetUserRoles_Tokens_Update", """AFTER UPDATE ON "AspNetUserRoles" """, "tokens"),
            ("AspNetUserRoles_Tokens_Delete", """AFTER DELETE ON "AspNetUserRoles" """, "tokens"),
            ("AspNetRoles_Tokens_Insert", """AFTER INSERT ON "AspNetRoles" """, "tokens"),
            ("AspNetRoles_Tokens_Update", """AFTER UPDATE ON "AspNetRoles" """, "tokens"),
            ("AspNetRoles_Tokens_Delete", """AFTER DELETE ON "AspNetRoles" """, "tokens"),
            ("People_Tokens_Update", """AFTER UPDATE OF "Name", "LeftOn" ON "People" """, "tokens"),
            ("People_Tokens_Delete", """AFTER DELETE ON "People" """, "tokens"),
            ("Teams_OrgUnits_Insert", """AFTER INSERT ON "Teams" """, "org-units"),
            ("Teams_OrgUnits_Update", """AFTER UPDATE ON "Teams" """, "org-units"),
            ("Teams_OrgUnits_Delete", """AFTER DELETE ON "Teams" """, "org-units"),
            ("Regions_OrgUnits_Insert", """AFTER INSERT ON "Regions" """, "org-units"),
            ("Regions_OrgUnits_Update", """AFTER UPDATE ON "Regions" """, "org-units"),
            ("Regions_OrgUnits_Delete", """AFTER DELETE ON "Regions" """, "org-units"),
            ("People_OrgUnits_Insert", """AFTER INSERT ON "People" """, "org-units"),
            ("People_OrgUnits_Update", """AFTER UPDATE OF "TeamId", "RegionId", "LeftOn" ON "People" """, "org-units"),
            ("People_OrgUnits_Delete", """AFTER DELETE ON "People" """, "org-units"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('tokens', 0), ('org-units', 0);""");
            foreach (var (trigger, on, counter) in Triggers)
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "{trigger}" {on}BEGIN UPDATE "ChangeCounters" SET "Version" = "Version" + 1 WHERE "Name" = '{counter}'; END;""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (trigger, _, _) in Triggers) migrationBuilder.Sql($"""DROP TRIGGER "{trigger}";""");
            migrationBuilder.Sql("""DELETE FROM "ChangeCounters" WHERE "Name" IN ('tokens', 'org-units');""");
        }
    }
}
