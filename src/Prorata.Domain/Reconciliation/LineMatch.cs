using Prorata.Domain.Billing;

namespace Prorata.Domain.Reconciliation;

/// <summary>
/// The outcome of one recon line. <see cref="Expected"/> is the provider charge it was matched with (null for
/// unexpected and unknown lines). <see cref="MoneyAtStake"/> is |actual − expected|, or |actual| with no expected
/// charge, and 0 when matched. <see cref="Cause"/> is a sentence for every state but a clean match; a match inside
/// the tolerance that still differs carries one too, so the rounding convention stays visible. An Azure plan line is
/// matched against imported usage instead: <see cref="Usage"/> is what the daily rows add up to, and
/// <see cref="ExpectedTotal"/> reads either.
/// </summary>
public sealed record LineMatch(
    ReconLine Line,
    ReconState State,
    ProviderCharge? Expected,
    RootCause RootCause,
    string? Cause,
    decimal MoneyAtStake)
{
    public ExpectedUsage? Usage { get; init; }

    public decimal? ExpectedTotal => Expected?.Total ?? Usage?.Cost;
}
