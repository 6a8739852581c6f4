using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <summary>
    /// The <c>tokens</c> change counter (see <c>Data.ChangeCounters</c>) also raised by every write to AspNetUserClaims
    /// and AspNetRoleClaims (statement triggers, TRUNCATE included): with the accounts, roles and people it already
    /// covers, everything a sign-in cookie's security-stamp check reads. Not part of the EF model.
    /// </summary>
    public partial class ClaimCounters : Migration
    {
        private static readonly string[] Tables = ["AspNetUserClaims", "AspNetRoleClaims"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Tokens" AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION salesmentor_bump_counter('tokens');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables) migrationBuilder.Sql($"""DROP TRIGGER "{table}_Tokens" ON "{table}";""");
        }
    }
}
