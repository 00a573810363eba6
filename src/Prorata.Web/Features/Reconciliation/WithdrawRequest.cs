namespace Prorata.Web.Features.Reconciliation;

/// <summary>Why a recon import no longer counts (a wrong file, another partner's); required.</summary>
public sealed record WithdrawRequest(string? Reason);
