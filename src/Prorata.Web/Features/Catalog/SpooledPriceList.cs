using Prorata.Integrations.ReconFiles;

namespace Prorata.Web.Features.Catalog;

/// <summary>An uploaded price list in its temporary file (deleted when disposed), or the limit it went past.</summary>
internal sealed record SpooledPriceList(string Path, Stream? File, FileLimitException? Limit) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (File is not null)
        {
            await File.DisposeAsync();
        }
        System.IO.File.Delete(Path);
    }
}
