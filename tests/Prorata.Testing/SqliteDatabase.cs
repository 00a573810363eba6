using Xunit;

namespace Prorata.Testing;

/// <summary>A class fixture: one SQLite file per test class in the temp folder, deleted afterwards.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"prorata-test-{Guid.NewGuid():N}.db");

    // No pooling, so the file is closed and can be deleted when the class is done.
    public string ConnectionString => $"Data Source={_path};Pooling=False";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }
}
