namespace Prorata.Application.Receivables.Collection;

/// <summary>The provider did not answer: the collection may or may not have been made; ask it (<see cref="IPaymentCollector.FindAsync"/>) before trying again.</summary>
public sealed class CollectorUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
