using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialUpgrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "NewSubscriptionId",
                table: "LicenseChangeLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LicenseChangeLog_NewSubscriptionId",
                table: "LicenseChangeLog",
                column: "NewSubscriptionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LicenseChangeLog_NewSubscriptionId",
                table: "LicenseChangeLog");

            migrationBuilder.DropColumn(
                name: "NewSubscriptionId",
                table: "LicenseChangeLog");
        }
    }
}
