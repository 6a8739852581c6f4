using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Sqlite
{
    /// <summary>
    /// A change counter for the manager tree (see <c>HierarchyCache</c>): triggers raise <c>ChangeCounters.people</c> on
    /// every insert into, delete from and manager change of People, whoever writes. Not part of the EF model: the cache
    /// reads it with one statement.
    /// </summary>
    public partial class PeopleVersion : Migration
    {
        private const string Bump = """UPDATE "ChangeCounters" SET "Version" = "Version" + 1 WHERE "Name" = 'people';""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "ChangeCounters" ("Name" TEXT NOT NULL CONSTRAINT "PK_ChangeCounters" PRIMARY KEY, "Version" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "ChangeCounters" ("Name", "Version") VALUES ('people', 0);""");
            migrationBuilder.Sql($"""CREATE TRIGGER "People_Version_Insert" AFTER INSERT ON "People" BEGIN {Bump} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER "People_Version_Delete" AFTER DELETE ON "People" BEGIN {Bump} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER "People_Version_Manager" AFTER UPDATE OF "ManagerId" ON "People" BEGIN {Bump} END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "People_Version_Manager";""");
            migrationBuilder.Sql("""DROP TRIGGER "People_Version_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "People_Version_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ChangeCounters";""");
        }
    }
}
