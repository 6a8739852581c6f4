using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PulseAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PulseAggregates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Respondents = table.Column<string>(type: "TEXT", nullable: false),
                    RespondentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Trust = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: false),
                    Safety = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: false),
                    Commitment = table.Column<decimal>(type: "TEXT", precision: 3, scale: 1, nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PulseAggregates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PulseAggregates_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PulseAggregates_ProgramId_Round_Key",
                table: "PulseAggregates",
                columns: new[] { "ProgramId", "Round", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PulseAggregates");
        }
    }
}
