using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ManagerInteractions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing organizations start with the same target mix as new ones (OrganizationSettings), not 0/0/0/0.
            migrationBuilder.AddColumn<int>(
                name: "TargetCoachPercent",
                table: "OrganizationSettings",
                type: "integer",
                nullable: false,
                defaultValue: 40);

            migrationBuilder.AddColumn<int>(
                name: "TargetMentorPercent",
                table: "OrganizationSettings",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.AddColumn<int>(
                name: "TargetSupervisorPercent",
                table: "OrganizationSettings",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "TargetTrainerPercent",
                table: "OrganizationSettings",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.CreateTable(
                name: "ManagerInteractions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ManagerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RepId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PrivateNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagerInteractions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagerInteractions_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ManagerInteractions_People_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ManagerInteractions_People_RepId",
                        column: x => x.RepId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ManagerInteractions_AuthorId",
                table: "ManagerInteractions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagerInteractions_ManagerId_Date",
                table: "ManagerInteractions",
                columns: new[] { "ManagerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ManagerInteractions_RepId_Date",
                table: "ManagerInteractions",
                columns: new[] { "RepId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManagerInteractions");

            migrationBuilder.DropColumn(
                name: "TargetCoachPercent",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "TargetMentorPercent",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "TargetSupervisorPercent",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "TargetTrainerPercent",
                table: "OrganizationSettings");
        }
    }
}
