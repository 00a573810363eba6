namespace PartnerCenterSimulator.State;

/// <summary>Who made a change, as the activity log records it.</summary>
public sealed record SimActor(string UserPrincipalName, string ApplicationId)
{
    // A person working in the Partner Center portal; the application id is the simulator's stand-in for the portal's.
    public static SimActor PortalUser(string? userPrincipalName) =>
        new(userPrincipalName ?? "jane.portal@partner.onmicrosoft.com", "00000000-0000-0000-0000-00000000c0de");

    public static SimActor Microsoft { get; } = new("system@microsoft.com", "00000000-0000-0000-0000-000000000000");
}
