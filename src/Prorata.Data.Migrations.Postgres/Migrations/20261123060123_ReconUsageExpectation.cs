using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Postgres.Migrations
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
                type: "numeric(28,12)",
                precision: 28,
                scale: 12,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedUsageRows",
                table: "ReconImportLines",
                type: "integer",
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
