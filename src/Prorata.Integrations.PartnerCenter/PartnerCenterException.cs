namespace Prorata.Integrations.PartnerCenter;

/// <summary>Partner Center could not be reached or answered unexpectedly (after retries): an I/O failure, not a refusal.</summary>
public class PartnerCenterException : Exception
{
    public PartnerCenterException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
    }

    public int? StatusCode { get; }
}
