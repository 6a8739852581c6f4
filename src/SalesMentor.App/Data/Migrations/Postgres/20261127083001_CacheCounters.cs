using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <summary>
    /// Two more change counters for per-instance caches (see <c>Data.ChangeCounters</c>), raised by statement triggers
    /// (with the function of migration <c>ChangeCounters</c>): <c>tokens</c>, by every write to ApiTokens (but its
    /// last-used time), AspNetUsers, AspNetUserRoles and AspNetRoles and by the deletion, renaming or leaving date of a person — what
    /// an API token check reads; <c>org-units</c>, by every write to Teams and Regions and by the insertion, deletion or
    /// team, region or leaving date change of a person — the team and region lists. Truncates count as writes.
    /// Not part of the EF model.
    /// </summary>
    public partial class CacheCounters : Migration
    {
        private static readonly (string Trigger, string Table, string Events, string Counter)[] Triggers =
        [
            ("ApiTokens_Tokens", "ApiTokens", """INSERT OR DELETE OR UPDATE OF "UserId", "Hash", "Scope", "ExpiresAt", "RevokedAt" OR TRUNCATE""", "tokens"),
            ("AspNetUsers_Tokens", "AspNetUsers", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "tokens"),
            ("AspNetUserRoles_Tokens", "AspNetUserRoles", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "tokens"),
            ("AspNetRoles_Tokens", "AspNetRoles", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "tokens"),
            ("People_Tokens", "People", """DELETE OR UPDATE OF "Name", "LeftOn" OR TRUNCATE""", "tokens"),
            ("Teams_OrgUnits", "Teams", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "org-units"),
            ("Regions_OrgUnits", "Regions", "INSERT OR DELETE OR UPDATE OR TRUNCATE", "org-units"),
            ("People_OrgUnits", "People", """INSERT OR DELETE OR UPDATE OF "TeamId", "RegionId", "LeftOn" OR TRUNCATE""", "org-units"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('tokens', 0), ('org-units', 0);""");
            foreach (var (trigger, table, events, counter) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{trigger}" AFTER {events} ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION salesmentor_bump_counter('{counter}');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (trigger, table, _, _) in Triggers) migrationBuilder.Sql($"""DROP TRIGGER "{trigger}" ON "{table}";""");
            migrationBuilder.Sql("""DELETE FROM "ChangeCounters" WHERE "Name" IN ('tokens', 'org-units');""");
        }
    }
}
