using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Sqlite
{
    /// <summary>
    /// The <c>tokens</c> change counter (see <c>Data.ChangeCounters</c>) also raised by every write to AspNetUserClaims
    /// and AspNetRoleClaims: with the accounts, roles and people it already covers, everything a sign-in cookie's
    /// security-stamp check reads. Not part of the EF model.
    /// </summary>
    public partial class ClaimCounters : Migration
    {
        private static readonly string[] Tables = ["AspNetUserClaims", "AspNetRoleClaims"];
        private static readonly string[] Events = ["Insert", "Update", "Delete"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var e in Events)
                {
                    migrationBuilder.Sql($"""CREATE TRIGGER "{table}_Tokens_{e}" AFTER {e.ToUpperInvariant()} ON "{table}" BEGIN UPDATE "ChangeCounters" SET "Version" = "Version" + 1 WHERE "Name" = 'tokens'; END;""");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var e in Events) migrationBuilder.Sql($"""DROP TRIGGER "{table}_Tokens_{e}";""");
            }
        }
    }
}
