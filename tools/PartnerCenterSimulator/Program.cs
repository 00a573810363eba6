using PartnerCenterSimulator;

// dotnet run --project tools/PartnerCenterSimulator -- --urls http://127.0.0.1:5081 [--start 2026-01-15T09:00:00Z] [--seed:customers 2000 --seed:subscriptions 20000]
await SimulatorApp.Build(args).RunAsync();
