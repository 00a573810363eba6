using Microsoft.EntityFrameworkCore.Migrations;
using Prorata.Data.Invoices;

#nullable disable

namespace Prorata.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LineGuardByInvoiceKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ImmutabilityTriggers.PostgresLinesByInvoiceKeyUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ImmutabilityTriggers.PostgresLinesByInvoiceKeyDown);
        }
    }
}
