namespace Prorata.Web.Tests;

/// <summary>One app for all web test classes: starting it costs more than the tests, and each test counts its own rows.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<ProrataApp>
{
    public const string Name = "app";
}
