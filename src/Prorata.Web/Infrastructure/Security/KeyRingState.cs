namespace Prorata.Web.Infrastructure.Security;

/// <summary>Where the key ring is and how it is protected, for the start-up report; <see cref="Encryption"/> is empty when it is not encrypted.</summary>
public sealed record KeyRingState(DirectoryInfo Folder, string Encryption, bool MovedFromDataFolder);
