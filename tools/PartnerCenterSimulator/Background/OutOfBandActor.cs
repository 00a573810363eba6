using System.Text.Json.Nodes;
using PartnerCenterSimulator.Model;
using PartnerCenterSimulator.Rules;
using PartnerCenterSimulator.State;

namespace PartnerCenterSimulator.Background;

/// <summary>
/// A person in the Partner Center portal: changes go through the same rules as API calls, but are recorded in the
/// activity log with the portal user and the portal's application id, which is how Prorata recognizes them as out-of-band.
/// </summary>
public sealed class OutOfBandActor(SimulatorState state)
{
    private readonly Lock _randomGate = new();
    private Random _random = new(7);

    public (SimSubscription? Subscription, SimError? Error) Apply(
        string customerId, string subscriptionId, string kind, int? quantity, bool? enabled, string? userPrincipalName)
    {
        var actor = SimActor.PortalUser(userPrincipalName);
        if (string.Equals(kind, "migrate", StringComparison.OrdinalIgnoreCase))
        {
            return state.Migrate(customerId, subscriptionId, actor);
        }
        JsonObject body = kind.ToLowerInvariant() switch
        {
            "quantity" => new JsonObject { ["quantity"] = quantity },
            "cancel" => new JsonObject { ["status"] = "deleted" },
            "suspend" => new JsonObject { ["status"] = "suspended" },
            "reactivate" => new JsonObject { ["status"] = "active" },
            "autorenew" => new JsonObject { ["autoRenewEnabled"] = enabled },
            _ => [],
        };
        if (body.Count == 0)
        {
            return (null, SimError.Invalid($"Unknown out-of-band change '{kind}'."));
        }
        return state.Patch(customerId, subscriptionId, body, null, actor);
    }

    public void Reseed(int seed)
    {
        lock (_randomGate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>
    /// <paramref name="count"/> successful random changes: mostly seat adds, some auto-renew switches and suspensions,
    /// as partners' staff make them in the portal.
    /// </summary>
    public IReadOnlyList<OutOfBandChange> MakeRandomChanges(int count)
    {
        var live = state.LiveSubscriptionsSnapshot();
        var changes = new List<OutOfBandChange>(count);
        if (live.Count == 0)
        {
            return changes;
        }
        lock (_randomGate)
        {
            var attempts = 0;
            while (changes.Count < count && attempts++ < count * 10)
            {
                var s = live[_random.Next(live.Count)];
                var roll = _random.Next(100);
                (string Kind, int? Quantity, bool? Enabled) pick = roll switch
                {
                    < 70 => ("quantity", s.Quantity + 1 + _random.Next(3), null),
                    < 90 => ("autoRenew", null, !s.AutoRenew),
                    _ => (s.Status == "suspended" ? "reactivate" : "suspend", null, null),
                };
                var (kind, quantity, enabled) = pick;
                if (kind == "quantity" && s.Status == "suspended")
                {
                    kind = "reactivate";
                }
                if (kind == "autoRenew" && enabled == true && s.Status != "active")
                {
                    continue;
                }
                var (_, error) = Apply(s.CustomerId, s.Id, kind, quantity, enabled, null);
                if (error is null)
                {
                    changes.Add(new OutOfBandChange(s.CustomerId, s.Id, kind));
                }
            }
        }
        return changes;
    }
}
