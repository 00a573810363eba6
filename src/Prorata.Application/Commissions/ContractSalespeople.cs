using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Commissions;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Commissions;

/// <summary>
/// Who sells a contract (billing-rules §5: a contract may name a salesperson), from a day on: the invoices dated from then
/// earn for them, the earlier ones stay with whoever sold the contract then. Without a day, from today (UTC); a day before
/// the last assignment's is refused (422 <c>AssignmentBeforeLast</c>): history is added to, not rewritten; the same day
/// replaces that assignment (a slip corrected).
/// </summary>
public sealed class ContractSalespeople(ProrataDbContext db, TimeProvider time)
{
    public const string AssignmentBeforeLast = "AssignmentBeforeLast";

    public async Task<IReadOnlyList<ContractSalesperson>> HistoryAsync(Guid contractId, CancellationToken cancellationToken) =>
        await db.ContractSalespeople.AsNoTracking().Where(a => a.ContractId == contractId).OrderBy(a => a.From).ToListAsync(cancellationToken);

    public async Task<CommissionResult<IReadOnlyList<ContractSalesperson>>> AssignAsync(Guid contractId, Guid? salespersonId, string? from, string actor,
        CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null) return CommissionResult<IReadOnlyList<ContractSalesperson>>.NotFound($"No billing contract has id '{contractId}'.");
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new ValidationErrors();
        if (salespersonId is { } id)
        {
            var person = await db.Salespeople.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (person is null) errors.Add("salespersonId", $"salespersonId must be an existing salesperson (or null for nobody); got '{id}'.");
            else if (!person.Active) errors.Add("salespersonId", $"salespersonId must be an active salesperson; {person.Name} ('{id}') is inactive.");
        }
        var day = today;
        if (!string.IsNullOrWhiteSpace(from)
            && !DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            errors.Add("from", $"from must be a date written yyyy-MM-dd; got '{from}'.");
        else if (day > today)
            errors.Add("from", $"from must not be after today ({today:yyyy-MM-dd}): the contract's salesperson is who sells it now; got {day:yyyy-MM-dd}.");
        if (!errors.IsValid) return CommissionResult<IReadOnlyList<ContractSalesperson>>.Invalid(errors.ToDictionary());

        var history = await db.ContractSalespeople.Where(a => a.ContractId == contractId).OrderBy(a => a.From).ToListAsync(cancellationToken);
        if (history.Count > 0 && history[^1].From > day)
            return CommissionResult<IReadOnlyList<ContractSalesperson>>.Refused(AssignmentBeforeLast,
                $"from {day:yyyy-MM-dd} is before the contract's last assignment, from {history[^1].From:yyyy-MM-dd}: assign from that day or later.");
        if (history.Count > 0 && history[^1].From == day)
            (history[^1].SalespersonId, history[^1].AssignedBy, history[^1].AssignedAt) = (salespersonId, actor, now);
        else
        {
            var assignment = new ContractSalesperson { ContractId = contractId, From = day, SalespersonId = salespersonId, AssignedBy = actor, AssignedAt = now };
            db.ContractSalespeople.Add(assignment);
            history.Add(assignment);
        }
        (contract.SalespersonId, contract.UpdatedAt) = (salespersonId, now);
        contract.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommissionResult<IReadOnlyList<ContractSalesperson>>.Conflict("The contract was changed by someone else meanwhile: reload it and save again.");
        }
        return CommissionResult<IReadOnlyList<ContractSalesperson>>.Done(history);
    }
}
