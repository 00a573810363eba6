namespace Prorata.Web.Features.PortalAdmin;

/// <param name="Reason">Why, 1 to 1,000 characters: the customer sees it.</param>
public sealed record DeclineRequest(string? Reason);
