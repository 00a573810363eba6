namespace Prorata.Integrations.PartnerCenter;

/// <summary>
/// Partner Center said no to a valid request, for a business reason. <see cref="Code"/> is one of
/// <see cref="RefusalCodes"/>; <see cref="MicrosoftCode"/> and <see cref="Message"/> keep what Microsoft answered.
/// </summary>
public sealed record Refusal(string Code, string Message, int? MicrosoftCode = null);
