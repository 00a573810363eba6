using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReconUsageExpectation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedUsageQuantity",
                table: "ReconImportLines",
                type: "TEXT",
                precision: 28,
                scale: 12,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedUsageRows",
                table: "ReconImportLines",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpectedUsageQuantity",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedUsageRows",
                table: "ReconImportLines");
        }
    }
}
