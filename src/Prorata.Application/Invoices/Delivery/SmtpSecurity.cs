namespace Prorata.Application.Invoices.Delivery;

/// <summary>How the connection to the mail server is protected: STARTTLS on port 587, TLS from the start on port 465, or none (a relay on the local network).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
