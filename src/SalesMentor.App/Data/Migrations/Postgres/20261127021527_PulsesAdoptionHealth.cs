using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesMentor.App.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PulsesAdoptionHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NoSessionAlertWeeks",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "PulseEveryWeeks",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.CreateTable(
                name: "AdoptionChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    BehaviourGoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    BehaviourId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObserverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptionChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptionChecks_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdoptionChecks_People_ObserverId",
                        column: x => x.ObserverId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pulses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    RespondentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    SealedAnswers = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pulses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pulses_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Pulses_People_RespondentId",
                        column: x => x.RespondentId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ValueObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorshipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValueId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObserverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WhatWasSeen = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ValueObservations_CompanyValues_ValueId",
                        column: x => x.ValueId,
                        principalTable: "CompanyValues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ValueObservations_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ValueObservations_People_ObserverId",
                        column: x => x.ObserverId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionChecks_MentorshipId_ObservedOn",
                table: "AdoptionChecks",
                columns: new[] { "MentorshipId", "ObservedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionChecks_ObserverId",
                table: "AdoptionChecks",
                column: "ObserverId");

            migrationBuilder.CreateIndex(
                name: "IX_Pulses_MentorshipId_RespondentId_Round",
                table: "Pulses",
                columns: new[] { "MentorshipId", "RespondentId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pulses_RespondentId",
                table: "Pulses",
                column: "RespondentId");

            migrationBuilder.CreateIndex(
                name: "IX_ValueObservations_MentorshipId_ObservedOn",
                table: "ValueObservations",
                columns: new[] { "MentorshipId", "ObservedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ValueObservations_ObserverId",
                table: "ValueObservations",
                column: "ObserverId");

            migrationBuilder.CreateIndex(
                name: "IX_ValueObservations_ValueId",
                table: "ValueObservations",
                column: "ValueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdoptionChecks");

            migrationBuilder.DropTable(
                name: "Pulses");

            migrationBuilder.DropTable(
                name: "ValueObservations");

            migrationBuilder.DropColumn(
                name: "NoSessionAlertWeeks",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "PulseEveryWeeks",
                table: "Programs");
        }
    }
}
