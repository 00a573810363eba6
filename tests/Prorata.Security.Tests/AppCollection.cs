namespace Prorata.Security.Tests;

/// <summary>One app for the probes that can share it; probes that change sign-in state or configuration start their own.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<SecurityApp>
{
    public const string Name = "security-app";
}
