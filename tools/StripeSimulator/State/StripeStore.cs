using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace StripeSimulator.State;

/// <summary>Every object the simulated account holds, in memory. Callers that change several objects at once take <see cref="Lock"/>.</summary>
public sealed class StripeStore
{
    private long _sequence;

    public Lock Lock { get; } = new();

    public ConcurrentDictionary<string, SimCustomer> Customers { get; } = new();

    public ConcurrentDictionary<string, SimCheckoutSession> Sessions { get; } = new();

    public ConcurrentDictionary<string, SimSetupIntent> SetupIntents { get; } = new();

    public ConcurrentDictionary<string, SimPaymentMethod> PaymentMethods { get; } = new();

    public ConcurrentDictionary<string, SimPaymentIntent> PaymentIntents { get; } = new();

    public ConcurrentDictionary<string, SimRefund> Refunds { get; } = new();

    /// <summary>Events in the order they happened, each as its full JSON.</summary>
    public ConcurrentQueue<JsonObject> Events { get; } = new();

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Clear()
    {
        Customers.Clear();
        Sessions.Clear();
        SetupIntents.Clear();
        PaymentMethods.Clear();
        PaymentIntents.Clear();
        Refunds.Clear();
        Events.Clear();
    }
}
