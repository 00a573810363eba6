namespace Prorata.Data.LegalEntities;

/// <summary>
/// The data step of the migration that made legal entities records: before it, a contract and an invoice named their
/// legal entity in free text. Every name in use becomes an entity (currency of its first contract, the prefixes its
/// numbers were printed with, 30 days' terms, no address yet — its invoices cannot be issued until someone completes
/// it, dated from the oldest contract or invoice that named it), contracts and invoices point at it, and each entity's
/// invoices continue their sequence where it stood; credit notes, which shared it, start their own after the highest
/// credit note number.
/// Issued invoices are frozen by a trigger; the step sets the new columns of the old rows with it switched off (on
/// SQLite the migration has dropped the guards before this step and creates them again after it).
/// </summary>
public static class LegalEntitiesFromNames
{
    private const string Names = """
        (SELECT "LegalEntityName" AS "Name" FROM "BillingContracts" UNION SELECT "LegalEntityName" FROM "Invoices" UNION SELECT "LegalEntityName" FROM "InvoiceNumberSequences")
        """;

    private const string Currency = """
        COALESCE((SELECT c."Currency" FROM "BillingContracts" c WHERE c."LegalEntityName" = n."Name" ORDER BY c."CreatedAt" LIMIT 1),
                 (SELECT i."Currency" FROM "Invoices" i WHERE i."LegalEntityName" = n."Name" ORDER BY i."CreatedAt" LIMIT 1), 'USD')
        """;

    // The entity's date, first choice first (a list for COALESCE): the oldest contract or invoice that named it; for a
    // name only an old number sequence kept, the oldest contract or invoice of any name.
    private const string DatedFrom = """
        (SELECT MIN(r."CreatedAt") FROM (SELECT c."CreatedAt" FROM "BillingContracts" c WHERE c."LegalEntityName" = n."Name"
                                         UNION ALL SELECT i."CreatedAt" FROM "Invoices" i WHERE i."LegalEntityName" = n."Name") r),
        (SELECT MIN(r."CreatedAt") FROM (SELECT "CreatedAt" FROM "BillingContracts" UNION ALL SELECT "CreatedAt" FROM "Invoices") r)
        """;

    private const string Prefix = """
        CASE WHEN "Number" IS NULL THEN NULL WHEN "Kind" = 'CreditNote' THEN 'CN-' ELSE 'INV-' END
        """;

    private const string Sequences = """
        INSERT INTO "DocumentNumberSequences" ("LegalEntityId", "Kind", "LastNumber")
        SELECT e."Id", 'Invoice', s."LastNumber" FROM "InvoiceNumberSequences" s JOIN "LegalEntities" e ON e."Name" = s."LegalEntityName";
        INSERT INTO "DocumentNumberSequences" ("LegalEntityId", "Kind", "LastNumber")
        SELECT "LegalEntityId", 'CreditNote', MAX("Number") FROM "Invoices" WHERE "Kind" = 'CreditNote' AND "Number" IS NOT NULL GROUP BY "LegalEntityId";
        """;

    public const string Postgres = $$"""
        ALTER TABLE "Invoices" DISABLE TRIGGER "TR_Invoices_Immutable";
        INSERT INTO "LegalEntities" ("Id", "Name", "Currency", "InvoicePrefix", "CreditNotePrefix", "DefaultPaymentTermsDays", "TaxProvider", "CreatedAt", "UpdatedAt", "Version")
        SELECT gen_random_uuid(), n."Name", {{Currency}}, 'INV-', 'CN-', 30, 'BuiltIn', n."At", n."At", 1
        FROM (SELECT n."Name", COALESCE({{DatedFrom}}, now()) AS "At" FROM {{Names}} n) n;
        UPDATE "BillingContracts" c SET "LegalEntityId" = e."Id" FROM "LegalEntities" e WHERE e."Name" = c."LegalEntityName";
        UPDATE "Invoices" i SET "LegalEntityId" = e."Id", "Subtotal" = i."Total", "NumberPrefix" = {{Prefix}}
            FROM "LegalEntities" e WHERE e."Name" = i."LegalEntityName";
        {{Sequences}}
        ALTER TABLE "Invoices" ENABLE TRIGGER "TR_Invoices_Immutable";
        """;

    // SQLite keeps a Guid as upper-case text and a timestamp as DateTimeOffset's binary form (a long; Prorata stores
    // UTC timestamps, whose longs sort as the instants do).
    public const string Sqlite = $$"""
        INSERT INTO "LegalEntities" ("Id", "Name", "Currency", "InvoicePrefix", "CreditNotePrefix", "DefaultPaymentTermsDays", "TaxProvider", "CreatedAt", "UpdatedAt", "Version")
        SELECT hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)),
               n."Name", {{Currency}}, 'INV-', 'CN-', 30, 'BuiltIn', n."At", n."At", 1
        FROM (SELECT n."Name", COALESCE({{DatedFrom}}, 0) AS "At" FROM {{Names}} n) n;
        UPDATE "BillingContracts" SET "LegalEntityId" = (SELECT e."Id" FROM "LegalEntities" e WHERE e."Name" = "BillingContracts"."LegalEntityName");
        UPDATE "Invoices" SET "LegalEntityId" = (SELECT e."Id" FROM "LegalEntities" e WHERE e."Name" = "Invoices"."LegalEntityName"),
            "Subtotal" = "Total", "NumberPrefix" = {{Prefix}};
        {{Sequences}}
        """;
}
