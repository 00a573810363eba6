namespace PartnerCenterSimulator.Model;

public sealed record SimCartLine(int Id, string CatalogItemId, int Quantity, string BillingCycle, string TermDuration, DateOnly? CustomTermEndDate);
