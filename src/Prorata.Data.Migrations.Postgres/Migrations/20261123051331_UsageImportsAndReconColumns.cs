using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UsageImportsAndReconColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OtherColumnNames",
                table: "ReconImports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingFrequency",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerName",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceNumber",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OrderDate",
                table: "ReconImportLines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderId",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherColumns",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerId",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PcToBcExchangeRate",
                table: "ReconImportLines",
                type: "numeric(28,12)",
                precision: 28,
                scale: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductName",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Quantity",
                table: "ReconImportLines",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkuName",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubscriptionDescription",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TaxTotal",
                table: "ReconImportLines",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TermAndBillingCycle",
                table: "ReconImportLines",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UsageImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    UnassignedRows = table.Column<long>(type: "bigint", nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageRows",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<string>(type: "text", nullable: false),
                    SubscriptionId = table.Column<string>(type: "text", nullable: false),
                    PlanSubscriptionId = table.Column<Guid>(type: "uuid", nullable: true),
                    EntitlementId = table.Column<string>(type: "text", nullable: false),
                    UsageDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MeterId = table.Column<string>(type: "text", nullable: false),
                    MeterName = table.Column<string>(type: "text", nullable: false),
                    MeterCategory = table.Column<string>(type: "text", nullable: false),
                    ProductId = table.Column<string>(type: "text", nullable: false),
                    SkuId = table.Column<string>(type: "text", nullable: false),
                    ResourceUri = table.Column<string>(type: "text", nullable: false),
                    ChargeType = table.Column<string>(type: "text", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    EffectiveUnitPrice = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    BillingPreTaxTotal = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    BillingCurrency = table.Column<string>(type: "text", nullable: false),
                    PricingPreTaxTotal = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    PricingCurrency = table.Column<string>(type: "text", nullable: false),
                    PcToBcExchangeRate = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    Retail = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    PartnerEarnedCreditPercentage = table.Column<decimal>(type: "numeric(28,12)", precision: 28, scale: 12, nullable: false),
                    OtherColumns = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageRows", x => new { x.ImportId, x.Row });
                    table.ForeignKey(
                        name: "FK_UsageRows_UsageImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "UsageImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsageImports_Sha256",
                table: "UsageImports",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsageRows_PlanSubscriptionId_UsageDate",
                table: "UsageRows",
                columns: new[] { "PlanSubscriptionId", "UsageDate" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageRows_SubscriptionId_UsageDate",
                table: "UsageRows",
                columns: new[] { "SubscriptionId", "UsageDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsageRows");

            migrationBuilder.DropTable(
                name: "UsageImports");

            migrationBuilder.DropColumn(
                name: "OtherColumnNames",
                table: "ReconImports");

            migrationBuilder.DropColumn(
                name: "BillingFrequency",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "CustomerName",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "InvoiceNumber",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "OrderDate",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "OrderId",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "OtherColumns",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "PcToBcExchangeRate",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "ProductName",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "Quantity",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "SkuName",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "SubscriptionDescription",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "TaxTotal",
                table: "ReconImportLines");

            migrationBuilder.DropColumn(
                name: "TermAndBillingCycle",
                table: "ReconImportLines");
        }
    }
}
