using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LicenseUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LicenseUsage",
                columns: table => new
                {
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerCenterCustomerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LicenseSkuId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SkuPartNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AssignedLicenses = table.Column<int>(type: "integer", nullable: false),
                    TenantSeats = table.Column<int>(type: "integer", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenseUsage", x => x.SubscriptionId);
                    table.ForeignKey(
                        name: "FK_LicenseUsage_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenseUsage_PartnerCenterCustomerId_LicenseSkuId",
                table: "LicenseUsage",
                columns: new[] { "PartnerCenterCustomerId", "LicenseSkuId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenseUsage");
        }
    }
}
