namespace Prorata.Data.Audit;

/// <summary>
/// The database's own guard of the audit log: no UPDATE or DELETE of an entry, from the app, a script or a hand-typed
/// statement. The audit migration applies <see cref="Up"/> and <see cref="Down"/> for its provider; a migration that
/// recreates the AuditLog table must apply them again.
/// </summary>
public static class AuditTrigger
{
    public static string Up(bool sqlite) => sqlite ? SqliteUp : PostgresUp;

    public static string Down(bool sqlite) => sqlite ? SqliteDown : PostgresDown;

    private const string PostgresUp = $$"""
        CREATE FUNCTION prorata_guard_audit_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{{AuditRecorder.AppendOnlyMessage}}' USING ERRCODE = 'integrity_constraint_violation';
        END $$;
        CREATE TRIGGER "TR_AuditLog_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditLog"
            FOR EACH ROW EXECUTE FUNCTION prorata_guard_audit_log();
        CREATE TRIGGER "TR_AuditLog_NoTruncate" BEFORE TRUNCATE ON "AuditLog"
            FOR EACH STATEMENT EXECUTE FUNCTION prorata_guard_audit_log();
        """;

    private const string PostgresDown = """
        DROP TRIGGER "TR_AuditLog_NoTruncate" ON "AuditLog";
        DROP TRIGGER "TR_AuditLog_AppendOnly" ON "AuditLog";
        DROP FUNCTION prorata_guard_audit_log();
        """;

    private const string SqliteUp = $$"""
        CREATE TRIGGER "TR_AuditLog_NoUpdate" BEFORE UPDATE ON "AuditLog"
        BEGIN SELECT RAISE(ABORT, '{{AuditRecorder.AppendOnlyMessage}}'); END;
        CREATE TRIGGER "TR_AuditLog_NoDelete" BEFORE DELETE ON "AuditLog"
        BEGIN SELECT RAISE(ABORT, '{{AuditRecorder.AppendOnlyMessage}}'); END;
        """;

    private const string SqliteDown = """
        DROP TRIGGER "TR_AuditLog_NoDelete";
        DROP TRIGGER "TR_AuditLog_NoUpdate";
        """;
}
