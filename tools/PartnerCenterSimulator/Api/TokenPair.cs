namespace PartnerCenterSimulator.Api;

public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresInSeconds);
