using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Prorata.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkItemsAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    AmountAtStake = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: true),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartnerCenterCustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartnerCenterSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkItemNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkItemNotes_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_IdempotencyKey",
                table: "OutboxMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SubscriptionId",
                table: "OutboxMessages",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemNotes_WorkItemId",
                table: "WorkItemNotes",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_ContractId",
                table: "WorkItems",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_CustomerId",
                table: "WorkItems",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_State_Kind",
                table: "WorkItems",
                columns: new[] { "State", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_SubscriptionId",
                table: "WorkItems",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "UX_WorkItems_Open_DedupeKey",
                table: "WorkItems",
                column: "DedupeKey",
                unique: true,
                filter: "\"State\" = 'Open'");

            // The Partner Center sync issues become work items (one model behind the exceptions page), with the dedupe key
            // WorkItemDraft.Key gives them: Kind|Code|SubjectKind|SubjectId. Open duplicates, if any, keep their id in the key.
            migrationBuilder.Sql("""
                WITH moved AS (
                    SELECT "Id", "Kind" AS "Code", "Message", "SubscriptionId", NULLIF("PartnerCenterCustomerId", '') AS "Tenant", "PartnerCenterSubscriptionId",
                           "RaisedAt", "ResolvedAt", "ResolvedBy",
                           CASE WHEN "Kind" = 'ProvisioningFailed' THEN 'ProvisioningFailure' ELSE 'SyncIssue' END AS "WorkKind",
                           CASE WHEN "Kind" = 'ProvisioningFailed' AND "SubscriptionId" IS NOT NULL THEN 'Subscription'
                                WHEN "PartnerCenterSubscriptionId" IS NOT NULL THEN 'PartnerCenterSubscription'
                                WHEN "PartnerCenterCustomerId" <> '' THEN 'PartnerCenterCustomer'
                                ELSE 'None' END AS "Subject",
                           CASE WHEN "Kind" = 'ProvisioningFailed' AND "SubscriptionId" IS NOT NULL THEN lower("SubscriptionId")
                                WHEN "PartnerCenterSubscriptionId" IS NOT NULL THEN "PartnerCenterSubscriptionId"
                                WHEN "PartnerCenterCustomerId" <> '' THEN "PartnerCenterCustomerId"
                                ELSE NULL END AS "SubjectId"
                    FROM "PartnerCenterSyncIssues"),
                keyed AS (
                    SELECT moved.*, "WorkKind" || '|' || "Code" || '|' || "Subject" || '|' || COALESCE("SubjectId", '') AS "Key",
                           ROW_NUMBER() OVER (PARTITION BY "WorkKind", "Code", "Subject", "SubjectId", "ResolvedAt" IS NULL ORDER BY "Id") AS "Nth"
                    FROM moved)
                INSERT INTO "WorkItems" ("Kind", "Code", "State", "DedupeKey", "Message", "SubjectKind", "SubjectId", "SubscriptionId", "PartnerCenterCustomerId",
                    "PartnerCenterSubscriptionId", "RaisedAt", "LastSeenAt", "Occurrences", "ResolvedAt", "ResolvedBy", "Resolution")
                SELECT "WorkKind", "Code", CASE WHEN "ResolvedAt" IS NULL THEN 'Open' ELSE 'Resolved' END,
                       CASE WHEN "Nth" > 1 THEN "Key" || '#' || "Id" ELSE "Key" END,
                       "Message", "Subject", "SubjectId", "SubscriptionId", "Tenant", "PartnerCenterSubscriptionId", "RaisedAt", "RaisedAt", 1,
                       "ResolvedAt", "ResolvedBy", CASE WHEN "ResolvedAt" IS NULL THEN NULL ELSE 'resolved' END
                FROM keyed ORDER BY "Id";
                """);

            migrationBuilder.DropTable(
                name: "PartnerCenterSyncIssues");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "WorkItemNotes");

            migrationBuilder.DropTable(
                name: "WorkItems");

            migrationBuilder.CreateTable(
                name: "PartnerCenterSyncIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    PartnerCenterCustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartnerCenterSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerCenterSyncIssues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerCenterSyncIssues_Kind_PartnerCenterCustomerId_PartnerCenterSubscriptionId",
                table: "PartnerCenterSyncIssues",
                columns: new[] { "Kind", "PartnerCenterCustomerId", "PartnerCenterSubscriptionId" });
        }
    }
}
