using GoCardlessSimulator;

// dotnet run --project tools/GoCardlessSimulator -- --urls http://127.0.0.1:5093 [--AccessToken sandbox_simulated-access-token]
await SimulatorApp.Build(args).RunAsync();
