using AvalaraSimulator;

// dotnet run --project tools/AvalaraSimulator -- --urls http://127.0.0.1:5091 [--AccountId 1100000001 --LicenseKey simulated-license-key]
await SimulatorApp.Build(args).RunAsync();
