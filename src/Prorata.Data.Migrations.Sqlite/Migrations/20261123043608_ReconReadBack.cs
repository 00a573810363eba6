using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReconReadBack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedChargeEnd",
                table: "ReconImportLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedChargeStart",
                table: "ReconImportLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExpectedChargeType",
                table: "ReconImportLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedEffectiveUnitPrice",
                table: "ReconImportLines",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedQuantity",
                table: "ReconImportLines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExpectedReferenceId",
                table: "ReconImportLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedUnitPrice",
                table: "ReconImportLines",
                type: "TEXT",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RootCause",
                table: "ReconImportLines",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ReconImportMissing",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Subscription = table.Column<string>(type: "TEXT", nullable: false),
                    ChargeType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChargeStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChargeEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    EffectiveUnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ReferenceId = table.Column<string>(type: "TEXT", nullable: false),
                    ProductId = table.Column<string>(type: "TEXT", nullable: false),
                    SkuId = table.Column<string>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconImportMissing", x => new { x.ImportId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_ReconImportMissing_ReconImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ReconImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconImportUnbilled",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<long>(type: "INTEGER", nullable: false),
                    UncoveredDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconImportUnbilled", x => new { x.ImportId, x.Row });
                    table.ForeignKey(
                        name: "FK_ReconImportUnbilled_ReconImportLines_ImportId_Row",
                        columns: x => new { x.ImportId, x.Row },
                        principalTable: "ReconImportLines",
                        principalColumns: new[] { "ImportId", "Row" },
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconImportMissing");

            migrationBuilder.DropTable(
                name: "ReconImportUnbilled");

            migrationBuilder.DropColumn(
                name: "ExpectedChargeEnd",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedChargeStart",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedChargeType",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedEffectiveUnitPrice",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedQuantity",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedReferenceId",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ExpectedUnitPrice",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "RootCause",
                table: "ReconImportLines");
        }
    }
}
