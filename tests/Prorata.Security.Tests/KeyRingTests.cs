using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Prorata.Security.Tests;

/// <summary>Issue 18: the key ring lives apart from the database, readable by the app's user only, and encrypted at rest when a key is configured.</summary>
public sealed class KeyRingTests(SecurityApp shared) : IClassFixture<SecurityApp>
{
    [Fact]
    public void KeyRingWithAConfiguredKey_IsEncryptedAndOwnerOnly()
    {
        var folder = Directory.CreateTempSubdirectory("prorata-keys-");
        try
        {
            using var app = shared.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Prorata:DataProtection:KeysDirectory", folder.FullName);
                builder.UseSetting("Prorata:DataProtection:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            });
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("issue-18");

            Assert.Equal("refresh-token", protector.Unprotect(protector.Protect("refresh-token")));

            var key = Assert.Single(folder.EnumerateFiles("*.xml"));
            var xml = File.ReadAllText(key.FullName);
            Assert.Contains("prorataEncryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.FullName));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder.FullName));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void KeyThatIsNot32Bytes_StopsTheStartNamingTheSetting()
    {
        using var app = shared.WithWebHostBuilder(builder => builder.UseSetting("Prorata:DataProtection:Key", Convert.ToBase64String(new byte[16])));

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("Prorata:DataProtection:Key", error.Message);
    }
}
