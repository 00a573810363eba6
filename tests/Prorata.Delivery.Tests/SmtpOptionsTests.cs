using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prorata.Application.Invoices.Delivery;

namespace Prorata.Delivery.Tests;

/// <summary>"Prorata:Smtp" as the host checks it at start (the same IStartupValidator the host runs).</summary>
public sealed class SmtpOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    public void Start_PortOutOfRange_Refused(string port)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Start(("Host", "smtp.northwind.example"), ("Port", port)));

        Assert.Equal(["DataAnnotation validation failed for 'SmtpOptions' members: 'Port' with the error: 'The field Port must be between 1 and 65535.'."], failure.Failures);
    }

    [Fact]
    public void Start_UserNameWithoutEncryption_Refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Start(("Host", "smtp.northwind.example"), ("Security", "None"), ("UserName", "billing"), ("Password", "secret")));

        Assert.Equal(
            ["DataAnnotation validation failed for 'SmtpOptions' members: 'Security,UserName' with the error: 'Prorata:Smtp:UserName is set but Security is None: use StartTls or SslOnConnect so the password is not sent in clear text.'."],
            failure.Failures);
    }

    [Fact]
    public void Start_HostOnly_ConfiguredWithTheDefaults()
    {
        var options = Start(("Host", "smtp.northwind.example"));

        Assert.True(options.IsConfigured);
        Assert.Equal((587, SmtpSecurity.StartTls, 30), (options.Port, options.Security, options.TimeoutSeconds));
    }

    [Fact]
    public void Start_NoSection_NotConfiguredAndNotRefused()
    {
        var options = Start();

        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void AddInvoiceEmail_RegistersTheSmtpSender()
    {
        using var provider = Services().BuildServiceProvider();

        Assert.IsType<SmtpInvoiceEmailSender>(provider.GetRequiredService<IInvoiceEmailSender>());
    }

    private static SmtpOptions Start(params (string Key, string Value)[] settings)
    {
        using var provider = Services(settings).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
    }

    private static ServiceCollection Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("Prorata:Smtp:" + s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddInvoiceEmail(configuration);
        return services;
    }
}
