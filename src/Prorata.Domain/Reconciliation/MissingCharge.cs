using Prorata.Domain.Billing;

namespace Prorata.Domain.Reconciliation;

/// <summary>An expected provider charge that no recon line consumed; the money at stake is |Total|.</summary>
public sealed record MissingCharge(ProviderCharge Expected, RootCause RootCause, string Cause)
{
    public decimal MoneyAtStake => Math.Abs(Expected.Total);
}
