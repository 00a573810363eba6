using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReconciliationImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReconImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    ScenarioName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountMismatch = table.Column<int>(type: "INTEGER", nullable: false),
                    QuantityMismatch = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceMismatch = table.Column<int>(type: "INTEGER", nullable: false),
                    UnexpectedCharge = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownSubscription = table.Column<int>(type: "INTEGER", nullable: false),
                    MissingCharge = table.Column<int>(type: "INTEGER", nullable: false),
                    MoneyAtStake = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ActualTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    ExpectedTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    UnbilledTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReconImportLines",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<string>(type: "TEXT", nullable: false),
                    ProductId = table.Column<string>(type: "TEXT", nullable: false),
                    SkuId = table.Column<string>(type: "TEXT", nullable: false),
                    ChargeType = table.Column<string>(type: "TEXT", nullable: false),
                    ChargeStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChargeEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    EffectiveUnitPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    BillableQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Subtotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    ReferenceId = table.Column<string>(type: "TEXT", nullable: false),
                    PromotionId = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ExpectedTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    MoneyAtStake = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconImportLines", x => new { x.ImportId, x.Row });
                    table.ForeignKey(
                        name: "FK_ReconImportLines_ReconImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ReconImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconImportLines_ImportId_State",
                table: "ReconImportLines",
                columns: new[] { "ImportId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconImports_Sha256",
                table: "ReconImports",
                column: "Sha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconImportLines");

            migrationBuilder.DropTable(
                name: "ReconImports");
        }
    }
}
