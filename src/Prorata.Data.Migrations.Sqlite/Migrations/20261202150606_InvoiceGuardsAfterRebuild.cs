using Microsoft.EntityFrameworkCore.Migrations;
using Prorata.Data.Invoices;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The invoice guards again, after InvoicesLegalEntitiesTax rebuilt the Invoices table (which SQLite needs to add a
    /// foreign key, and which EF Core runs after a migration's other steps): they freeze the tax columns too.
    /// </summary>
    public partial class InvoiceGuardsAfterRebuild : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ImmutabilityTriggers.SqliteTaxColumnsUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ImmutabilityTriggers.SqliteInvoiceGuardsDrop);
        }
    }
}
