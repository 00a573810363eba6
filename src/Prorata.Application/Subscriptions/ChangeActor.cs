using Prorata.Data.Subscriptions;
namespace Prorata.Application.Subscriptions;

/// <summary>Who made a change and from where; recorded on its change-log entry.</summary>
public sealed record ChangeActor(string Name, ChangeSource Source);
