using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvoicesByContract : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Invoices_ContractId",
                table: "Invoices",
                column: "ContractId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invoices_ContractId",
                table: "Invoices");
        }
    }
}
