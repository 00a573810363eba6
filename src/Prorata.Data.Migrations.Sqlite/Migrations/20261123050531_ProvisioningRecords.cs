using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LicenseChangeEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvisionedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AttemptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnerCenterCustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartnerCenterCartId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartnerCenterOrderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartnerCenterSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
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
