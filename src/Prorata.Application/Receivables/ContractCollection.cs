using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Contracts;
using Prorata.Domain.Receivables;

namespace Prorata.Application.Receivables;

/// <summary>
/// A contract's collection settings: auto-charge on issue, the reminder days after the due date and the day credit hold
/// starts (billing-rules §5, "Dunning"). The API and the contract page save them through here, by the same rule.
/// </summary>
public sealed class ContractCollection(ProrataDbContext db, TimeProvider time)
{
    public async Task<SaveResult<BillingContract>> SaveAsync(Guid contractId, bool autoCharge, IReadOnlyList<int> remindAfterDays, int? holdAfterDays, int? expectedVersion,
        CancellationToken cancellationToken)
    {
        var contract = await db.BillingContracts.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
        if (contract is null) return SaveResult<BillingContract>.NotFound($"No billing contract has id '{contractId}'.");
        if (DunningPolicy.Problem(remindAfterDays, holdAfterDays) is { } problem)
            return SaveResult<BillingContract>.Invalid(new Dictionary<string, string[]> { [problem[..problem.IndexOf(':')]] = [problem] });
        if (expectedVersion is { } expected && expected != contract.Version)
            return SaveResult<BillingContract>.Conflict($"The contract changed meanwhile (version {contract.Version}, you sent {expected}): reload it and save again.");
        contract.AutoCharge = autoCharge;
        contract.DunningRemindAfterDays = string.Join(",", remindAfterDays.Order());
        contract.DunningHoldAfterDays = holdAfterDays;
        contract.UpdatedAt = time.GetUtcNow();
        contract.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<BillingContract>.Conflict("The contract was changed by someone else meanwhile: reload it and save again.");
        }
        return SaveResult<BillingContract>.Saved(contract);
    }
}
