using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Prorata.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProvisioningRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProvisioningRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LicenseChangeEntryId = table.Column<long>(type: "bigint", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProvisionedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AttemptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PartnerCenterCustomerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PartnerCenterCartId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PartnerCenterOrderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PartnerCenterSubscriptionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Failure = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProvisioningRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProvisioningRecords_LicenseChangeLog_LicenseChangeEntryId",
                        column: x => x.LicenseChangeEntryId,
                        principalTable: "LicenseChangeLog",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProvisioningRecords_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningRecords_LicenseChangeEntryId",
                table: "ProvisioningRecords",
                column: "LicenseChangeEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProvisioningRecords_SubscriptionId",
                table: "ProvisioningRecords",
                column: "SubscriptionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProvisioningRecords");
        }
    }
}
