using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    /// <summary>
    /// The people directory's default order read from an index (search key, then id), and the <c>directory</c> change
    /// counter (see <c>Data.ChangeCounters</c>), raised by every write to People, Teams and Regions (statement triggers,
    /// TRUNCATE included): what a directory page shows. The counter and its triggers are not part of the EF model.
    /// </summary>
    public partial class DirectoryCache : Migration
    {
        private static readonly string[] Tables = ["People", "Teams", "Regions"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_SearchKey_Id",
                table: "People",
                columns: new[] { "SearchKey", "Id" });

            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('directory', 0);""");
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Directory" AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION salesmentor_bump_counter('directory');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables) migrationBuilder.Sql($"""DROP TRIGGER "{table}_Directory" ON "{table}";""");
            migrationBuilder.Sql("""DELETE FROM "ChangeCounters" WHERE "Name" = 'directory';""");
            migrationBuilder.DropIndex(
                name: "IX_People_SearchKey_Id",
                table: "People");
        }
    }
}
