using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReconLinesFastCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReconImportLines_ReconImports_ImportId",
                table: "ReconImportLines");

            migrationBuilder.DropIndex(
                name: "IX_ReconImportLines_ImportId_State",
                table: "ReconImportLines");

            migrationBuilder.CreateIndex(
                name: "IX_ReconImportLines_Discrepancies",
                table: "ReconImportLines",
                columns: new[] { "ImportId", "Row" },
                filter: "\"State\" <> 'Matched'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconImportLines_Discrepancies",
                table: "ReconImportLines");

            migrationBuilder.CreateIndex(
                name: "IX_ReconImportLines_ImportId_State",
                table: "ReconImportLines",
                columns: new[] { "ImportId", "State" });

            migrationBuilder.AddForeignKey(
                name: "FK_ReconImportLines_ReconImports_ImportId",
                table: "ReconImportLines",
                column: "ImportId",
                principalTable: "ReconImports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
