namespace Prorata.Application.Portal;

/// <summary>The outbox payload of an invitation e-mail: the user, and the one-time link encrypted with the key ring.</summary>
public sealed record PortalInvitation(Guid UserId, string ProtectedLink);

/// <summary>An invitation just made: the user, and the link to open (shown once to whoever invited, and e-mailed).</summary>
public sealed record IssuedInvitation(Data.Portal.CustomerUser User, Uri Link);
