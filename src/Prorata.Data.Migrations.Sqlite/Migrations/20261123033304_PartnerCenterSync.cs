using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnerCenterSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerCenterCredentials",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProtectedValue = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterCredentials", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCenterCustomers",
                columns: table => new
                {
                    PartnerCenterCustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterCustomers", x => x.PartnerCenterCustomerId);
                    table.ForeignKey(
                        name: "FK_PartnerCenterCustomers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCenterImportedChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LicenseChangeEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnerCenterSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuditRecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterImportedChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerCenterImportedChanges_LicenseChangeLog_LicenseChangeEntryId",
                        column: x => x.LicenseChangeEntryId,
                        principalTable: "LicenseChangeLog",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCenterSyncCursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastOperationDate = table.Column<long>(type: "INTEGER", nullable: true),
                    RecentRecordIds = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterSyncCursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCenterSyncIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PartnerCenterCustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartnerCenterSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterSyncIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCenterSyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsFull = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomersImported = table.Column<int>(type: "INTEGER", nullable: false),
                    SubscriptionsImported = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangesImported = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuesRaised = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerCenterSubscriptions",
                columns: table => new
                {
                    PartnerCenterSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartnerCenterCustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfferId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OfferName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AutoRenew = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterSubscriptions", x => x.PartnerCenterSubscriptionId);
                    table.ForeignKey(
                        name: "FK_PartnerCenterSubscriptions_PartnerCenterCustomers_PartnerCenterCustomerId",
                        column: x => x.PartnerCenterCustomerId,
                        principalTable: "PartnerCenterCustomers",
                        principalColumn: "PartnerCenterCustomerId",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnerCenterSubscriptions_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterCustomers_CustomerId",
                table: "PartnerCenterCustomers",
                column: "CustomerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterImportedChanges_AuditRecordId_Kind",
                table: "PartnerCenterImportedChanges",
                columns: new[] { "AuditRecordId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterImportedChanges_LicenseChangeEntryId",
                table: "PartnerCenterImportedChanges",
                column: "LicenseChangeEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterSubscriptions_PartnerCenterCustomerId",
                table: "PartnerCenterSubscriptions",
                column: "PartnerCenterCustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterSubscriptions_SubscriptionId",
                table: "PartnerCenterSubscriptions",
                column: "SubscriptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterSyncIssues_Kind_PartnerCenterCustomerId_PartnerCenterSubscriptionId",
                table: "PartnerCenterSyncIssues",
                columns: new[] { "Kind", "PartnerCenterCustomerId", "PartnerCenterSubscriptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterSyncRuns_StartedAt",
                table: "PartnerCenterSyncRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerCenterCredentials");

            migrationBuilder.DropTable(
                name: "PartnerCenterImportedChanges");

            migrationBuilder.DropTable(
                name: "PartnerCenterSubscriptions");

            migrationBuilder.DropTable(
                name: "PartnerCenterSyncCursor");

            migrationBuilder.DropTable(
                name: "PartnerCenterSyncIssues");

            migrationBuilder.DropTable(
                name: "PartnerCenterSyncRuns");

            migrationBuilder.DropTable(
                name: "PartnerCenterCustomers");
        }
    }
}
