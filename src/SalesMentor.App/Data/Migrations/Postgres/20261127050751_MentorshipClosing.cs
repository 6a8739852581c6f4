using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MentorshipClosing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EarlyEndReason",
                table: "Mentorships",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyEndText",
                table: "Mentorships",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndKind",
                table: "Mentorships",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EndedById",
                table: "Mentorships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcomes",
                table: "Mentorships",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "OutcomesRecordedAt",
                table: "Mentorships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedEndOn",
                table: "Mentorships",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PulseReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PulseReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PulseReminders_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PulseReminders_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SealedText = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reflections_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reflections_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PulseReminders_MentorshipId_PersonId_Round",
                table: "PulseReminders",
                columns: new[] { "MentorshipId", "PersonId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PulseReminders_PersonId",
                table: "PulseReminders",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_AuthorId",
                table: "Reflections",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_MentorshipId_AuthorId",
                table: "Reflections",
                columns: new[] { "MentorshipId", "AuthorId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PulseReminders");

            migrationBuilder.DropTable(
                name: "Reflections");

            migrationBuilder.DropColumn(
                name: "EarlyEndReason",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EarlyEndText",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndKind",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "EndedById",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "Outcomes",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "OutcomesRecordedAt",
                table: "Mentorships");

            migrationBuilder.DropColumn(
                name: "PlannedEndOn",
                table: "Mentorships");
        }
    }
}
