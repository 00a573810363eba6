using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Prorata.Web.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring (<c>Prorata:DataProtection</c>), which opens the Partner Center refresh token and signs
/// the staff cookies: kept in its own folder (<c>KeysDirectory</c>, default <c>keys</c>, not the database's folder, so a
/// copy of the data alone opens nothing), readable by the app's user only, and encrypted at rest with a certificate
/// (<c>CertificatePath</c>, <c>CertificatePassword</c>) or a 256-bit key (<c>Key</c>, base64) from the environment.
/// Without either the keys are plain XML, and the start-up log says so.
/// </summary>
public static class KeyRingSetup
{
    public const string Section = "Prorata:DataProtection";
    public const string DefaultKeysDirectory = "keys";

    // Where the key ring lived before it was moved apart from the database.
    private const string FormerKeysDirectory = "data/keys";

    public static IServiceCollection AddProrataKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var configuredFolder = configuration[$"{Section}:KeysDirectory"];
        var folder = new DirectoryInfo(Path.GetFullPath(string.IsNullOrWhiteSpace(configuredFolder) ? DefaultKeysDirectory : configuredFolder));
        var moved = string.IsNullOrWhiteSpace(configuredFolder) && MoveFormerKeys(folder);
        KeyRingFolder.Create(folder);

        var protection = services.AddDataProtection().SetApplicationName("Prorata");
        var repository = new KeyRingFolder(folder);
        string encryption;
        if (configuration[$"{Section}:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration[$"{Section}:CertificatePassword"]);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            encryption = $"the certificate {certificate.Subject} ({certificate.Thumbprint})";
        }
        else if (configuration[$"{Section}:Key"] is { Length: > 0 } key)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(key);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{Section}:Key must be {KeyRingSecret.KeyBytes} random bytes in base64 (openssl rand -base64 32).");
            }
            if (bytes.Length != KeyRingSecret.KeyBytes)
            {
                throw new InvalidOperationException($"{Section}:Key must be {KeyRingSecret.KeyBytes} bytes in base64 (openssl rand -base64 32); got {bytes.Length} bytes.");
            }
            var secret = new KeyRingSecret(bytes);
            services.AddSingleton(secret);
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new KeyRingEncryptor(secret));
            encryption = $"AES-256-GCM under {Section}:Key";
        }
        else
        {
            encryption = "";
        }
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = repository);
        services.AddSingleton(new KeyRingState(folder, encryption, moved));
        services.AddHostedService<KeyRingReport>();
        return services;
    }

    private static bool MoveFormerKeys(DirectoryInfo folder)
    {
        var former = new DirectoryInfo(Path.GetFullPath(FormerKeysDirectory));
        if (!former.Exists || (folder.Exists && folder.EnumerateFiles("*.xml").Any()) || !former.EnumerateFiles("*.xml").Any())
        {
            return false;
        }
        KeyRingFolder.Create(folder);
        foreach (var key in former.EnumerateFiles("*.xml"))
        {
            key.MoveTo(Path.Combine(folder.FullName, key.Name));
        }
        return true;
    }
}
