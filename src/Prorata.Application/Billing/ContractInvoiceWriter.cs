using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prorata.Application.Invoices;
using Prorata.Application.Outbox;
using Prorata.Application.Receivables;
using Prorata.Application.Webhooks;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Outbox;
using Prorata.Domain.Billing;
using Prorata.Domain.LegalEntities;

namespace Prorata.Application.Billing;

/// <summary>
/// Stores one contract's invoice of a billing run in its own transaction: the engine's lines and the one-off charges
/// with their tax, and — when the run issues and the legal entity can — its number, the seller and buyer as they are,
/// and its e-mail; an Avalara entity's draft gets the outbox message that issues it through Avalara. Everything the
/// invoice causes is written with it or not at all.
/// </summary>
internal sealed class ContractInvoiceWriter(TimeProvider time, bool sendIssued)
{
    /// <summary>Stores one invoice in its own transaction; false when another run stored this contract's invoice first.</summary>
    public async Task<bool> StoreAsync(ProrataDbContext db, ContractBill bill, bool issue, CancellationToken cancellationToken)
    {
        var (contract, invoice, _) = bill;
        var taxed = bill.Taxed!;
        var entity = contract.LegalEntity!;
        var customer = contract.Customer!;
        var now = time.GetUtcNow();
        var row = new CustomerInvoice
        {
            Id = Guid.CreateVersion7(now),
            ContractId = contract.Id,
            BillingDate = invoice!.Date,
            Kind = InvoiceKind.Invoice,
            Status = InvoiceStatus.Draft,
            LegalEntityId = entity.Id,
            LegalEntityName = entity.Name,
            Currency = invoice.Currency,
            Subtotal = bill.Subtotal,
            TaxTotal = bill.TaxTotal,
            Total = bill.Total,
            TaxTreatment = taxed.Treatment,
            TaxSource = InvoiceTaxation.TableSource,
            DueDate = invoice.Due,
            CreatedAt = now,
            Lines = invoice.Lines.Select((l, i) => new CustomerInvoiceLine
            {
                Position = i,
                SubscriptionId = Guid.Parse(l.Subscription),
                Kind = l.Kind,
                PeriodStart = l.PeriodStart,
                PeriodEnd = l.PeriodEnd,
                Quantity = l.Quantity,
                UnitPrice = l.UnitPrice,
                Amount = l.Amount,
                Days = l.Days,
                PeriodDays = l.PeriodDays,
                ProductId = l.ProductId,
                SkuId = l.SkuId,
                Origin = l.Origin?.ToString(),
                Cost = l.Cost is { } cost ? Math.Round(cost, 12, MidpointRounding.AwayFromZero) : null,
                Tax = taxed.LineTaxes[i],
                TaxRate = taxed.Decision.Rate?.Rate ?? 0m,
                TaxName = taxed.Decision.Rate?.Name,
            }).Concat(bill.Charges.Select((b, k) => (b, c: b.Charge, k)).Select(x => new CustomerInvoiceLine
            {
                Position = invoice.Lines.Count + x.k,
                SubscriptionId = x.c.SubscriptionId,
                Kind = InvoiceLineKind.Adjustment,
                PeriodStart = invoice.Date,
                PeriodEnd = invoice.Date,
                Quantity = 1m,
                UnitPrice = x.c.Amount,
                Amount = x.c.Amount,
                Days = 1,
                PeriodDays = 1,
                ProductId = x.b.ProductId,
                SkuId = x.b.SkuId,
                Origin = $"oneoff:{x.c.Id}",
                Cost = 0m,
                Tax = x.b.Tax,
                TaxRate = taxed.Decision.Rate?.Rate ?? 0m,
                TaxName = taxed.Decision.Rate?.Name,
                Description = x.c.Description,
            })).ToList(),
        };
        var chargeIds = bill.Charges.Select(c => c.Charge.Id).ToArray();
        // Issued here only from the rate table and with a seller's address; an Avalara entity's draft is issued by the outbox.
        var issueNow = issue && entity.Address is not null && entity.TaxProvider == TaxProviderKind.BuiltIn;
        var issueLater = issue && entity.Address is not null && entity.TaxProvider == TaxProviderKind.Avalara;
        if (issueNow)
        {
            row.NumberPrefix = entity.InvoicePrefix;
            row.IssuedParties = IssuedParties.Of(entity, customer).ToJson();
            row.IssuedAt = now;
        }
        var delivery = issueNow && sendIssued ? InvoiceDeliveryQueue.New(row.Id, customer, "issue", now) : null;
        var issuedEvent = issueNow && await DomainEvents.WantedAsync(db, WebhookEventTypes.InvoiceIssued, cancellationToken) ? DomainEvents.InvoiceIssued(row, now) : null;
        db.ChangeTracker.Clear();
        if (db.Database.IsNpgsql())
            return await StoreWithBatchAsync(db, row, chargeIds, issueNow, issueLater, delivery, issuedEvent, customer.Id, now, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Invoices.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await BilledElsewhereAsync(db, contract.Id, invoice.Date, cancellationToken)) return false;
            throw;
        }
        // Billed with the invoice or not at all: a crash before the commit leaves them for the rerun.
        if (chargeIds.Length > 0)
            await db.OneOffCharges.Where(c => chargeIds.Contains(c.Id) && c.InvoiceId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.InvoiceId, row.Id), cancellationToken);
        if (issueNow)
        {
            // Lines go in while the invoice is a draft (the trigger refuses lines of an issued invoice), then it is issued.
            row.Number = await InvoiceNumbers.NextAsync(db, entity.Id, InvoiceKind.Invoice, cancellationToken);
            row.Status = InvoiceStatus.Issued;
            if (delivery is not null)
            {
                db.InvoiceDeliveries.Add(delivery);
                OutboxWriter.Enqueue(db, OutboxTopic.InvoiceDelivery, InvoiceDeliveryQueue.Key(delivery.Id), new InvoiceDeliveryQueue.Payload(delivery.Id), now, customer.Id);
            }
            OutboxWriter.Enqueue(db, OutboxTopic.ReceivablesUpdate, ReceivablesUpdate.Key(row.Id, "issued"), new ReceivablesUpdate(customer.Id, row.Id), now, customer.Id);
            if (issuedEvent is not null) DomainEvents.Record(db, issuedEvent, customer.Id);
        }
        if (issueLater) OutboxWriter.Enqueue(db, OutboxTopic.InvoiceIssue, $"invoice-issue:{row.Id}", new InvoiceIssueRequest(row.Id), now, customer.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private const string ContractLockSql = "SELECT pg_advisory_xact_lock($1)";

    /// <summary>
    /// The contract's advisory-lock key: its id folded to 64 bits. Two contracts sharing a key only wait for each other;
    /// the unique (contract, billing date) key, not the lock, is what refuses a duplicate.
    /// </summary>
    internal static long ContractLockKey(Guid contractId)
    {
        Span<byte> bytes = stackalloc byte[16];
        contractId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }

    private const string InsertInvoiceSql = """
        INSERT INTO "Invoices" ("Id", "ContractId", "BillingDate", "Kind", "Status", "LegalEntityId", "LegalEntityName", "Currency", "Subtotal", "TaxTotal", "Total", "TaxTreatment", "TaxSource", "DueDate", "CreatedAt")
        VALUES ($1, $2, $3, 'Invoice', 'Draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        """;

    private const string InsertLinesSql = """
        INSERT INTO "InvoiceLines" ("InvoiceId", "Position", "SubscriptionId", "Kind", "PeriodStart", "PeriodEnd", "Quantity", "UnitPrice", "Amount", "Days", "PeriodDays", "ProductId", "SkuId", "Origin", "Tax", "TaxRate", "TaxName", "Description", "Cost")
        SELECT $1, * FROM unnest($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        """;

    private const string MarkChargesBilledSql = """
        UPDATE "OneOffCharges" SET "InvoiceId" = $1 WHERE "Id" = ANY($2) AND "InvoiceId" IS NULL
        """;

    private const string IssueSql = """
        WITH n AS (
            INSERT INTO "DocumentNumberSequences" AS s ("LegalEntityId", "Kind", "LastNumber") VALUES ($1, 'Invoice', 1)
            ON CONFLICT ("LegalEntityId", "Kind") DO UPDATE SET "LastNumber" = s."LastNumber" + 1 RETURNING "LastNumber")
        UPDATE "Invoices" SET "Status" = 'Issued', "Number" = (SELECT "LastNumber" FROM n), "NumberPrefix" = $2, "IssuedParties" = $3, "IssuedAt" = $4 WHERE "Id" = $5
        """;

    private const string InsertDeliverySql = """
        INSERT INTO "InvoiceDeliveries" ("Id", "InvoiceId", "Recipients", "State", "Attempts", "MessageId", "RequestedBy", "QueuedAt")
        VALUES ($1, $2, $3, 'Pending', 0, $4, $5, $6)
        """;

    private const string InsertOutboxSql = """
        INSERT INTO "OutboxMessages" ("Topic", "IdempotencyKey", "Payload", "State", "CreatedAt", "NextAttemptAt", "Attempts", "CustomerId")
        VALUES ($1, $2, $3, 'Pending', $4, $4, 0, $5)
        """;

    /// <summary>
    /// PostgreSQL's write path, for runs of thousands of invoices: the invoice, all its lines (arrays unnested in one
    /// INSERT), its one-off charges marked billed, its number and issue, and the messages it queues go to the server as one batch with no transaction of
    /// its own, which PostgreSQL runs as one implicit transaction ending at the batch's single Sync — one round trip per
    /// invoice, committed whole or not at all. Not prepared: measured on the benchmark, the server's generic plans of
    /// these statements made the run twice as slow. EF Core's change-tracked inserts take about ten round trips per
    /// invoice, and a binary COPY per invoice needs its own start/finish exchange for only tens of rows.
    /// </summary>
    private static async Task<bool> StoreWithBatchAsync(ProrataDbContext db, CustomerInvoice row, Guid[] chargeIds, bool issueNow, bool issueLater, InvoiceDelivery? delivery,
        DomainEvent? issuedEvent, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lines = row.Lines;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            // Held to the batch's commit: no two processes (billing workers, a run and a worker) write one contract's invoice at once.
            batch.BatchCommands.Add(Command(ContractLockSql, Value(NpgsqlDbType.Bigint, ContractLockKey(row.ContractId))));
            batch.BatchCommands.Add(Command(InsertInvoiceSql,
                Value(NpgsqlDbType.Uuid, row.Id), Value(NpgsqlDbType.Uuid, row.ContractId), Value(NpgsqlDbType.Date, row.BillingDate),
                Value(NpgsqlDbType.Uuid, row.LegalEntityId), Value(NpgsqlDbType.Varchar, row.LegalEntityName), Value(NpgsqlDbType.Char, row.Currency),
                Value(NpgsqlDbType.Numeric, row.Subtotal), Value(NpgsqlDbType.Numeric, row.TaxTotal), Value(NpgsqlDbType.Numeric, row.Total),
                Value(NpgsqlDbType.Varchar, row.TaxTreatment!.Value.ToString()), Value(NpgsqlDbType.Varchar, row.TaxSource!),
                Value(NpgsqlDbType.Date, (object?)row.DueDate ?? DBNull.Value), Value(NpgsqlDbType.TimestampTz, now)));
            // Lines go in while the invoice is a draft (the trigger refuses lines of an issued invoice); then it takes its number and is issued.
            batch.BatchCommands.Add(Command(InsertLinesSql,
                Value(NpgsqlDbType.Uuid, row.Id),
                Array(NpgsqlDbType.Integer, lines.Select(l => l.Position).ToArray()),
                Array(NpgsqlDbType.Uuid, lines.Select(l => l.SubscriptionId).ToArray()),
                Array(NpgsqlDbType.Varchar, lines.Select(l => l.Kind.ToString()).ToArray()),
                Array(NpgsqlDbType.Date, lines.Select(l => l.PeriodStart).ToArray()),
                Array(NpgsqlDbType.Date, lines.Select(l => l.PeriodEnd).ToArray()),
                Array(NpgsqlDbType.Numeric, lines.Select(l => l.Quantity).ToArray()),
                Array(NpgsqlDbType.Numeric, lines.Select(l => l.UnitPrice).ToArray()),
                Array(NpgsqlDbType.Numeric, lines.Select(l => l.Amount).ToArray()),
                Array(NpgsqlDbType.Integer, lines.Select(l => l.Days).ToArray()),
                Array(NpgsqlDbType.Integer, lines.Select(l => l.PeriodDays).ToArray()),
                Array(NpgsqlDbType.Varchar, lines.Select(l => l.ProductId).ToArray()),
                Array(NpgsqlDbType.Varchar, lines.Select(l => l.SkuId).ToArray()),
                Array(NpgsqlDbType.Varchar, lines.Select(l => l.Origin).ToArray()),
                Array(NpgsqlDbType.Numeric, lines.Select(l => l.Tax).ToArray()),
                Array(NpgsqlDbType.Numeric, lines.Select(l => l.TaxRate).ToArray()),
                Array(NpgsqlDbType.Varchar, lines.Select(l => l.TaxName).ToArray()),
                Array(NpgsqlDbType.Varchar, lines.Select(l => l.Description).ToArray()),
                Array(NpgsqlDbType.Numeric, lines.Select(l => l.Cost).ToArray())));
            if (chargeIds.Length > 0)
                batch.BatchCommands.Add(Command(MarkChargesBilledSql, Value(NpgsqlDbType.Uuid, row.Id), Array(NpgsqlDbType.Uuid, chargeIds)));
            if (issueNow)
                batch.BatchCommands.Add(Command(IssueSql, Value(NpgsqlDbType.Uuid, row.LegalEntityId), Value(NpgsqlDbType.Varchar, row.NumberPrefix!),
                    Value(NpgsqlDbType.Text, row.IssuedParties!), Value(NpgsqlDbType.TimestampTz, now), Value(NpgsqlDbType.Uuid, row.Id)));
            if (delivery is not null)
            {
                batch.BatchCommands.Add(Command(InsertDeliverySql, Value(NpgsqlDbType.Uuid, delivery.Id), Value(NpgsqlDbType.Uuid, row.Id),
                    Value(NpgsqlDbType.Varchar, delivery.Recipients), Value(NpgsqlDbType.Varchar, delivery.MessageId), Value(NpgsqlDbType.Varchar, delivery.RequestedBy),
                    Value(NpgsqlDbType.TimestampTz, now)));
                batch.BatchCommands.Add(Outbox(OutboxTopic.InvoiceDelivery, InvoiceDeliveryQueue.Key(delivery.Id), new InvoiceDeliveryQueue.Payload(delivery.Id)));
            }
            if (issueNow) batch.BatchCommands.Add(Outbox(OutboxTopic.ReceivablesUpdate, ReceivablesUpdate.Key(row.Id, "issued"), new ReceivablesUpdate(customerId, row.Id)));
            if (issuedEvent is not null) batch.BatchCommands.Add(Outbox(OutboxTopic.DomainEvent, issuedEvent.Key, issuedEvent));
            if (issueLater) batch.BatchCommands.Add(Outbox(OutboxTopic.InvoiceIssue, $"invoice-issue:{row.Id}", new InvoiceIssueRequest(row.Id)));
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "UX_Invoices_Contract_BillingDate")
        {
            // Another run stored this contract's invoice for the date first: the whole batch rolled back.
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        NpgsqlBatchCommand Outbox<T>(OutboxTopic topic, string key, T payload) =>
            Command(InsertOutboxSql, Value(NpgsqlDbType.Varchar, topic.ToString()), Value(NpgsqlDbType.Varchar, key),
                Value(NpgsqlDbType.Text, JsonSerializer.Serialize(payload, OutboxWriter.Json)), Value(NpgsqlDbType.TimestampTz, now), Value(NpgsqlDbType.Uuid, customerId));

        static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters);
            return command;
        }

        static NpgsqlParameter Value(NpgsqlDbType type, object value) => new() { NpgsqlDbType = type, Value = value };

        static NpgsqlParameter Array<T>(NpgsqlDbType type, T[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values };
    }

    private static async Task<bool> BilledElsewhereAsync(ProrataDbContext db, Guid contractId, DateOnly date, CancellationToken cancellationToken)
    {
        // The failed statement aborted this transaction (PostgreSQL); ask outside it.
        await db.Database.RollbackTransactionAsync(cancellationToken);
        return await db.Invoices.AsNoTracking().AnyAsync(i => i.ContractId == contractId && i.BillingDate == date && i.Kind == InvoiceKind.Invoice, cancellationToken);
    }
}
