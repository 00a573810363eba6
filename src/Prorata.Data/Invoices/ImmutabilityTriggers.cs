namespace Prorata.Data.Invoices;

/// <summary>
/// The database's own guard of the money rules (billing-rules §4: issued invoices are immutable; the change log is
/// append-only), so that no code path — a bug, a script, a hand-typed UPDATE — can edit what a customer was sent.
/// A draft may change or go; an issued invoice may only move to Void or Credited with every other column unchanged;
/// lines of a non-draft invoice cannot be added, changed or deleted; change-log entries cannot be changed or deleted.
/// Both migrations apply these; the tests try to break each one with raw SQL.
/// </summary>
public static class ImmutabilityTriggers
{
    public const string Message = "issued invoices are immutable: correct them with a credit note";
    public const string LogMessage = "the license change log is append-only";

    // Every column but Status: an allowed status move must leave all of them as they were. The first migration froze
    // the columns of its day; the tax migration adds its own (the older migrations keep generating what they did).
    private static readonly string[] FrozenColumnsBeforeTax =
        ["Id", "ContractId", "BillingDate", "Kind", "CreditedInvoiceId", "LegalEntityName", "Number", "Currency", "Total", "DueDate", "CreatedAt", "IssuedAt"];

    private static readonly string[] FrozenColumns =
        [.. FrozenColumnsBeforeTax, "LegalEntityId", "NumberPrefix", "Subtotal", "TaxTotal", "TaxTreatment", "TaxSource", "IssuedParties"];

    /// <summary>The first line guard, once per row; the first migration creates it and undoing the per-statement one restores it.</summary>
    private const string PostgresLineGuardPerRow = $$"""
        CREATE FUNCTION prorata_guard_invoice_line() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            invoice_status text;
        BEGIN
            SELECT "Status" INTO invoice_status FROM "Invoices"
                WHERE "Id" = CASE WHEN TG_OP = 'INSERT' THEN NEW."InvoiceId" ELSE OLD."InvoiceId" END;
            IF invoice_status IS DISTINCT FROM 'Draft' AND invoice_status IS NOT NULL THEN
                RAISE EXCEPTION '{{Message}} (line of a % invoice)', invoice_status USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$;
        CREATE TRIGGER "TR_InvoiceLines_Immutable" BEFORE INSERT OR UPDATE OR DELETE ON "InvoiceLines"
            FOR EACH ROW EXECUTE FUNCTION prorata_guard_invoice_line();
        """;

    private static string PostgresInvoiceGuard(string create, string[] frozen) => $$"""
        {{create}} FUNCTION prorata_guard_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD."Status" = 'Draft' THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF TG_OP = 'UPDATE' AND OLD."Status" = 'Issued' AND NEW."Status" IN ('Void', 'Credited')
               AND ({{Columns("NEW", frozen)}}) IS NOT DISTINCT FROM ({{Columns("OLD", frozen)}}) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{{Message}} (invoice %, %)', OLD."Id", OLD."Status" USING ERRCODE = 'integrity_constraint_violation';
        END $$;
        """;

    /// <summary>The tax migration's guard: the tax, the seller's snapshot and the number's prefix are frozen too.</summary>
    public static string PostgresTaxColumnsUp { get; } = PostgresInvoiceGuard("CREATE OR REPLACE", FrozenColumns);

    public static string PostgresTaxColumnsDown { get; } = PostgresInvoiceGuard("CREATE OR REPLACE", FrozenColumnsBeforeTax);

    /// <summary>
    /// SQLite cannot add a foreign key to a table: EF Core rebuilds it (copy, drop, rename), which drops the table's own
    /// triggers and breaks those of its lines that name it. The tax migration drops the invoice guards first and creates
    /// them again after the rebuild, freezing its new columns too.
    /// </summary>
    public static string SqliteInvoiceGuardsDrop { get; } = """
        DROP TRIGGER IF EXISTS "TR_Invoices_Immutable_Update";
        DROP TRIGGER IF EXISTS "TR_Invoices_Immutable_Delete";
        DROP TRIGGER IF EXISTS "TR_InvoiceLines_Immutable_Insert";
        DROP TRIGGER IF EXISTS "TR_InvoiceLines_Immutable_Update";
        DROP TRIGGER IF EXISTS "TR_InvoiceLines_Immutable_Delete";
        """;

    public static string SqliteTaxColumnsUp { get; } = SqliteInvoiceGuards(FrozenColumns);

    public static string SqliteTaxColumnsDown { get; } = SqliteInvoiceGuards(FrozenColumnsBeforeTax);

    private static string SqliteInvoiceGuards(string[] frozen) => $$"""
        CREATE TRIGGER "TR_Invoices_Immutable_Update" BEFORE UPDATE ON "Invoices"
        WHEN OLD."Status" <> 'Draft' AND NOT (OLD."Status" = 'Issued' AND NEW."Status" IN ('Void', 'Credited') AND {{SqliteSame(frozen)}})
        BEGIN SELECT RAISE(ABORT, '{{Message}}'); END;
        CREATE TRIGGER "TR_Invoices_Immutable_Delete" BEFORE DELETE ON "Invoices"
        WHEN OLD."Status" <> 'Draft'
        BEGIN SELECT RAISE(ABORT, '{{Message}}'); END;
        CREATE TRIGGER "TR_InvoiceLines_Immutable_Insert" BEFORE INSERT ON "InvoiceLines"
        WHEN (SELECT "Status" FROM "Invoices" WHERE "Id" = NEW."InvoiceId") <> 'Draft'
        BEGIN SELECT RAISE(ABORT, '{{Message}}'); END;
        CREATE TRIGGER "TR_InvoiceLines_Immutable_Update" BEFORE UPDATE ON "InvoiceLines"
        WHEN (SELECT "Status" FROM "Invoices" WHERE "Id" = OLD."InvoiceId") <> 'Draft'
        BEGIN SELECT RAISE(ABORT, '{{Message}}'); END;
        CREATE TRIGGER "TR_InvoiceLines_Immutable_Delete" BEFORE DELETE ON "InvoiceLines"
        WHEN (SELECT "Status" FROM "Invoices" WHERE "Id" = OLD."InvoiceId") <> 'Draft'
        BEGIN SELECT RAISE(ABORT, '{{Message}}'); END;
        """;

    public static string PostgresUp { get; } = $$"""
        {{PostgresInvoiceGuard("CREATE", FrozenColumnsBeforeTax)}}
        CREATE TRIGGER "TR_Invoices_Immutable" BEFORE UPDATE OR DELETE ON "Invoices"
            FOR EACH ROW EXECUTE FUNCTION prorata_guard_invoice();

        {{PostgresLineGuardPerRow}}

        CREATE FUNCTION prorata_guard_change_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{{LogMessage}}' USING ERRCODE = 'integrity_constraint_violation';
        END $$;
        CREATE TRIGGER "TR_LicenseChangeLog_AppendOnly" BEFORE UPDATE OR DELETE ON "LicenseChangeLog"
            FOR EACH ROW EXECUTE FUNCTION prorata_guard_change_log();
        """;

    public static string PostgresDown { get; } = """
        DROP TRIGGER "TR_LicenseChangeLog_AppendOnly" ON "LicenseChangeLog";
        DROP FUNCTION prorata_guard_change_log();
        DROP TRIGGER "TR_InvoiceLines_Immutable" ON "InvoiceLines";
        DROP FUNCTION prorata_guard_invoice_line();
        DROP TRIGGER "TR_Invoices_Immutable" ON "Invoices";
        DROP FUNCTION prorata_guard_invoice();
        """;

    public static string SqliteUp { get; } = SqliteInvoiceGuards(FrozenColumnsBeforeTax) + $$"""
        CREATE TRIGGER "TR_LicenseChangeLog_NoUpdate" BEFORE UPDATE ON "LicenseChangeLog"
        BEGIN SELECT RAISE(ABORT, '{{LogMessage}}'); END;
        CREATE TRIGGER "TR_LicenseChangeLog_NoDelete" BEFORE DELETE ON "LicenseChangeLog"
        BEGIN SELECT RAISE(ABORT, '{{LogMessage}}'); END;
        """;

    public static string SqliteDown { get; } = """
        DROP TRIGGER "TR_LicenseChangeLog_NoDelete";
        DROP TRIGGER "TR_LicenseChangeLog_NoUpdate";
        DROP TRIGGER "TR_InvoiceLines_Immutable_Delete";
        DROP TRIGGER "TR_InvoiceLines_Immutable_Update";
        DROP TRIGGER "TR_InvoiceLines_Immutable_Insert";
        DROP TRIGGER "TR_Invoices_Immutable_Delete";
        DROP TRIGGER "TR_Invoices_Immutable_Update";
        """;

    /// <summary>
    /// The lines' guard on PostgreSQL once per statement instead of once per row: a billing run inserts hundreds of
    /// thousands of lines, and one check of the statement's transition table costs what a single row's check did.
    /// </summary>
    public static string PostgresLinesPerStatementUp { get; } = $$"""
        DROP TRIGGER "TR_InvoiceLines_Immutable" ON "InvoiceLines";
        DROP FUNCTION prorata_guard_invoice_line();
        {{LinesGuard(NonDraftLinesByJoin)}}
        CREATE TRIGGER "TR_InvoiceLines_Insert" AFTER INSERT ON "InvoiceLines" REFERENCING NEW TABLE AS changed_lines
            FOR EACH STATEMENT EXECUTE FUNCTION prorata_guard_invoice_lines();
        CREATE TRIGGER "TR_InvoiceLines_Update" AFTER UPDATE ON "InvoiceLines" REFERENCING OLD TABLE AS changed_lines
            FOR EACH STATEMENT EXECUTE FUNCTION prorata_guard_invoice_lines();
        CREATE TRIGGER "TR_InvoiceLines_Delete" AFTER DELETE ON "InvoiceLines" REFERENCING OLD TABLE AS changed_lines
            FOR EACH STATEMENT EXECUTE FUNCTION prorata_guard_invoice_lines();
        """;

    public static string PostgresLinesPerStatementDown { get; } = $$"""
        DROP TRIGGER "TR_InvoiceLines_Delete" ON "InvoiceLines";
        DROP TRIGGER "TR_InvoiceLines_Update" ON "InvoiceLines";
        DROP TRIGGER "TR_InvoiceLines_Insert" ON "InvoiceLines";
        DROP FUNCTION prorata_guard_invoice_lines();
        {{PostgresLineGuardPerRow}}
        """;

    /// <summary>
    /// The per-statement guard looks each changed line's invoice up by its key. As a join, the plan PL/pgSQL keeps for
    /// the session scanned every invoice for every statement: a billing run's inserts slowed as its invoices grew.
    /// </summary>
    public static string PostgresLinesByInvoiceKeyUp { get; } = LinesGuard("""
        SELECT 1 FROM changed_lines l WHERE (SELECT i."Status" FROM "Invoices" i WHERE i."Id" = l."InvoiceId") <> 'Draft'
        """);

    public static string PostgresLinesByInvoiceKeyDown { get; } = LinesGuard(NonDraftLinesByJoin);

    private const string NonDraftLinesByJoin = """
        SELECT 1 FROM changed_lines l JOIN "Invoices" i ON i."Id" = l."InvoiceId" WHERE i."Status" <> 'Draft'
        """;

    private static string LinesGuard(string nonDraftLines) => $$"""
        CREATE OR REPLACE FUNCTION prorata_guard_invoice_lines() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS ({{nonDraftLines}}) THEN
                RAISE EXCEPTION '{{Message}} (lines of a non-draft invoice)' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NULL;
        END $$;
        """;

    private static string Columns(string row, string[] frozen) => string.Join(", ", frozen.Select(c => $"{row}.\"{c}\""));

    private static string SqliteSame(string[] frozen) => string.Join(" AND ", frozen.Select(c => $"NEW.\"{c}\" IS OLD.\"{c}\""));
}
