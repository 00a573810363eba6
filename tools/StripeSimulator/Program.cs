using StripeSimulator;

// dotnet run --project tools/StripeSimulator -- --urls http://127.0.0.1:5093 [--SecretKey sk_test_simulator]
await SimulatorApp.Build(args).RunAsync();
