using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <summary>
    /// A change counter for the manager tree (see <c>HierarchyCache</c>): a statement trigger raises
    /// <c>ChangeCounters.people</c> on every insert into, delete from, truncate of and manager change of People, whoever
    /// writes. Not part of the EF model: the cache reads it with one statement.
    /// </summary>
    public partial class PeopleVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "ChangeCounters" ("Name" text NOT NULL CONSTRAINT "PK_ChangeCounters" PRIMARY KEY, "Version" bigint NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('people', 0);""");
            migrationBuilder.Sql("""
                CREATE FUNCTION salesmentor_people_version() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    UPDATE "ChangeCounters" SET "Version" = "Version" + 1 WHERE "Name" = 'people';
                    RETURN NULL;
                END
                $body$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "People_Version" AFTER INSERT OR DELETE OR UPDATE OF "ManagerId" ON "People"
                FOR EACH STATEMENT EXECUTE FUNCTION salesmentor_people_version();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "People_Version_Truncate" AFTER TRUNCATE ON "People"
                FOR EACH STATEMENT EXECUTE FUNCTION salesmentor_people_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "People_Version_Truncate" ON "People";""");
            migrationBuilder.Sql("""DROP TRIGGER "People_Version" ON "People";""");
            migrationBuilder.Sql("DROP FUNCTION salesmentor_people_version();");
            migrationBuilder.Sql("""DROP TABLE "ChangeCounters";""");
        }
    }
}
