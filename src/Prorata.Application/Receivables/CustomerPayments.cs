using Microsoft.EntityFrameworkCore;
using Prorata.Application.Outbox;
using Prorata.Application.Webhooks;
using Prorata.Data;
using Prorata.Data.Invoices;
using Prorata.Data.Receivables;
using Prorata.Domain.Money;
using Prorata.Domain.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>
/// Money in and out of a customer's account (billing-rules §5): a payment Finance records, one a provider collected, the
/// reversal of a payment (never an edit), and a refund out of the credit balance. Each is written with the receivables
/// it changes in one transaction, the customer locked, so the allocations are never half-written; a lifted dunning hold
/// sends what waited to Microsoft.
/// </summary>
public sealed class CustomerPayments(ProrataDbContext db, TimeProvider time, OutboxSignal outbox)
{
    public const int MaxReferenceLength = 200;

    private static readonly Dictionary<string, PaymentMethodKind> ManualMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bankTransfer"] = PaymentMethodKind.BankTransfer,
        ["cheque"] = PaymentMethodKind.Cheque,
        ["cash"] = PaymentMethodKind.Cash,
        ["other"] = PaymentMethodKind.Other,
    };

    public async Task<SaveResult<Payment>> RecordAsync(Guid customerId, PaymentDraft draft, string recordedBy, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken)) return SaveResult<Payment>.NotFound($"No customer has id '{customerId}'.");
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        Currency? currency = null;
        if (string.IsNullOrWhiteSpace(draft.Currency)) Error("currency", "currency is required (ISO 4217, e.g. EUR).");
        else if (!Currency.TryFromCode(draft.Currency.Trim().ToUpperInvariant(), out var known)) Error("currency", $"currency must be an ISO 4217 code; got '{draft.Currency}'.");
        else currency = known;
        if (draft.Amount is not { } amount || amount <= 0) Error("amount", $"amount must be greater than 0; got {draft.Amount?.ToString() ?? "nothing"}.");
        else if (currency is not null && Rounding.Customer(amount, currency) != amount)
            Error("amount", $"amount must have at most {currency.MinorUnits} decimals in {currency.Code}; got {amount}.");
        var receivedAt = draft.ReceivedAt ?? now;
        if (receivedAt > now.AddMinutes(5)) Error("receivedAt", $"receivedAt must not be in the future; got {receivedAt:O}.");
        PaymentMethodKind method = PaymentMethodKind.BankTransfer;
        if (draft.Method is { } text && !ManualMethods.TryGetValue(text.Trim(), out method))
            Error("method", $"method must be one of bankTransfer, cheque, cash, other; got '{text}'.");
        var reference = draft.Reference?.Trim() ?? "";
        if (reference.Length == 0 || reference.Length > MaxReferenceLength)
            Error("reference", $"reference is required (the bank or cheque reference, at most {MaxReferenceLength} characters).");
        if (errors.Count > 0) return SaveResult<Payment>.Invalid(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CustomerLock.TakeAsync(db, customerId, cancellationToken);
        var ledger = await new ReceivablesLedger(db, time).PlayAsync(customerId, cancellationToken);
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            Currency = currency!.Code,
            Amount = draft.Amount!.Value,
            ReceivedAt = receivedAt,
            Method = method,
            Reference = reference,
            InvoiceId = draft.InvoiceId,
            Provider = PaymentProvider.Manual,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
        if (ledger.Check(new PaymentReceived(payment.Id.ToString(), customerId.ToString(), payment.Currency, payment.Amount, receivedAt, draft.InvoiceId?.ToString())) is { } refusal)
        {
            var field = refusal.Message.StartsWith("invoice", StringComparison.Ordinal) ? "invoiceId" : refusal.Message.StartsWith("amount", StringComparison.Ordinal) ? "amount" : "currency";
            return SaveResult<Payment>.Invalid(new Dictionary<string, string[]> { [field] = [$"{field}: {refusal.Message}."] });
        }
        db.Payments.Add(payment);
        await DomainEvents.RecordAsync(db, DomainEvents.PaymentRecorded(payment), customerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SettleAsync(customerId, transaction, cancellationToken);
        return SaveResult<Payment>.Saved(payment);
    }

    /// <summary>Records what a provider collected, once: the same provider payment again returns the first record.</summary>
    public async Task<Payment> RecordCollectedAsync(ProviderPayment collected, CancellationToken cancellationToken)
    {
        if (await FindAsync(collected, cancellationToken) is { } known) return known;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CustomerLock.TakeAsync(db, collected.CustomerId, cancellationToken);
        if (await FindAsync(collected, cancellationToken) is { } raced) return raced;
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = collected.CustomerId,
            Currency = collected.Currency,
            Amount = collected.Amount,
            ReceivedAt = collected.ReceivedAt,
            Method = collected.Method,
            Reference = collected.ProviderPaymentId,
            InvoiceId = collected.InvoiceId,
            Provider = collected.Provider,
            ProviderPaymentId = collected.ProviderPaymentId,
            RecordedBy = collected.Provider.ToString(),
            RecordedAt = now,
        };
        db.Payments.Add(payment);
        await DomainEvents.RecordAsync(db, DomainEvents.PaymentRecorded(payment), collected.CustomerId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded by a concurrent delivery of the same answer (SQLite takes no row lock): that record stands.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await FindAsync(collected, cancellationToken) ?? throw new InvalidOperationException($"Payment {collected.ProviderPaymentId} could not be recorded.");
        }
        await SettleAsync(collected.CustomerId, transaction, cancellationToken);
        return payment;
    }

    /// <summary>Takes a payment back: recorded by mistake, failed or charged back. The payment stays; its allocations go.</summary>
    public async Task<SaveResult<Payment>> ReverseAsync(Guid paymentId, PaymentReversalReason reason, string? note, string reversedBy, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.Include(p => p.Reversal).FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null) return SaveResult<Payment>.NotFound($"No payment has id '{paymentId}'.");
        if (payment.Reversal is { } done) return SaveResult<Payment>.Conflict($"Payment {payment.Reference} was already reversed on {done.ReversedAt:yyyy-MM-dd} ({done.Reason}).");
        var text = note?.Trim() ?? "";
        if (reason == PaymentReversalReason.RecordedByMistake && text.Length == 0)
            return SaveResult<Payment>.Invalid(new Dictionary<string, string[]> { ["note"] = ["note is required: say what was wrong with the payment."] });
        if (text.Length > 1000) return SaveResult<Payment>.Invalid(new Dictionary<string, string[]> { ["note"] = ["note must be at most 1000 characters."] });
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CustomerLock.TakeAsync(db, payment.CustomerId, cancellationToken);
        payment.Reversal = new PaymentReversal { PaymentId = payment.Id, Reason = reason, Note = text, ReversedBy = reversedBy, ReversedAt = now };
        await DomainEvents.RecordAsync(db, DomainEvents.PaymentReversed(payment, payment.Reversal), payment.CustomerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SettleAsync(payment.CustomerId, transaction, cancellationToken);
        return SaveResult<Payment>.Saved(payment);
    }

    /// <summary>Pays credit back to the customer; refused when it is more than the credit balance in that currency.</summary>
    public async Task<SaveResult<CreditRefund>> RefundAsync(Guid customerId, decimal? amount, string? currencyCode, string? reference, string recordedBy, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken)) return SaveResult<CreditRefund>.NotFound($"No customer has id '{customerId}'.");
        if (!Currency.TryFromCode(currencyCode?.Trim().ToUpperInvariant(), out var currency))
            return Invalid<CreditRefund>("currency", $"currency must be an ISO 4217 code; got '{currencyCode}'.");
        if (amount is not { } value || value <= 0 || Rounding.Customer(value, currency) != value)
            return Invalid<CreditRefund>("amount", $"amount must be greater than 0 with at most {currency.MinorUnits} decimals; got {amount?.ToString() ?? "nothing"}.");
        var text = reference?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxReferenceLength) return Invalid<CreditRefund>("reference", $"reference is required (at most {MaxReferenceLength} characters).");
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CustomerLock.TakeAsync(db, customerId, cancellationToken);
        var ledger = await new ReceivablesLedger(db, time).PlayAsync(customerId, cancellationToken);
        if (ledger.Refund(customerId.ToString(), currency.Code, value) is { } refusal) return Invalid<CreditRefund>("amount", $"amount: {refusal.Message}.");
        var refund = new CreditRefund { Id = Guid.CreateVersion7(now), CustomerId = customerId, Currency = currency.Code, Amount = value, Reference = text, RecordedBy = recordedBy, RefundedAt = now };
        db.CreditRefunds.Add(refund);
        await db.SaveChangesAsync(cancellationToken);
        await SettleAsync(customerId, transaction, cancellationToken);
        return SaveResult<CreditRefund>.Saved(refund);
    }

    /// <summary>Computes the customer's receivables again in their own transaction (after an invoice was issued or voided).</summary>
    public async Task UpdateAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CustomerLock.TakeAsync(db, customerId, cancellationToken);
        await SettleAsync(customerId, transaction, cancellationToken);
    }

    private async Task SettleAsync(Guid customerId, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var change = await new ReceivablesLedger(db, time).RecomputeAsync(customerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (change == CreditHoldChange.Lifted) outbox.Queued();
    }

    private Task<Payment?> FindAsync(ProviderPayment collected, CancellationToken cancellationToken) =>
        db.Payments.FirstOrDefaultAsync(p => p.Provider == collected.Provider && p.ProviderPaymentId == collected.ProviderPaymentId, cancellationToken);

    private static SaveResult<T> Invalid<T>(string field, string message) where T : class =>
        SaveResult<T>.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
