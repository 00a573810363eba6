using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CustomerPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedTotpSecret = table.Column<string>(type: "TEXT", nullable: true),
                    TotpEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EntraTenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EntraObjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitationHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitationExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerUsers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortalOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SkuId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BillingPlan = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MinSeats = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxSeats = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiresApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalOffers_BillingContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "BillingContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PortalOffers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortalPolicies",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovalAbove = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalPolicies", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_PortalPolicies_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SkuId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    BillingPlan = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    QuantityBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResultSubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalRequests_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerUsers_CustomerId",
                table: "CustomerUsers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerUsers_EntraTenantId_EntraObjectId",
                table: "CustomerUsers",
                columns: new[] { "EntraTenantId", "EntraObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerUsers_InvitationHash",
                table: "CustomerUsers",
                column: "InvitationHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerUsers_NormalizedEmail",
                table: "CustomerUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalOffers_ContractId",
                table: "PortalOffers",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalOffers_CustomerId_ProductId_SkuId_Term_BillingPlan",
                table: "PortalOffers",
                columns: new[] { "CustomerId", "ProductId", "SkuId", "Term", "BillingPlan" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalRequests_CustomerId_RequestedAt",
                table: "PortalRequests",
                columns: new[] { "CustomerId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalRequests_State_RequestedAt",
                table: "PortalRequests",
                columns: new[] { "State", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerUsers");

            migrationBuilder.DropTable(
                name: "PortalOffers");

            migrationBuilder.DropTable(
                name: "PortalPolicies");

            migrationBuilder.DropTable(
                name: "PortalRequests");
        }
    }
}
