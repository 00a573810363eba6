using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Prorata.Web.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring as files only the app's user can read: the folder 0700, each key 0600 (written to a
/// temporary name and moved, so a crash never leaves half a key). The framework's file repository leaves them 0644.
/// </summary>
public sealed class KeyRingFolder(DirectoryInfo folder) : IXmlRepository
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public DirectoryInfo Folder { get; } = folder;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!Folder.Exists)
        {
            return [];
        }
        return [.. Folder.EnumerateFiles("*.xml").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => XElement.Load(f.FullName))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        Create(Folder);
        var name = friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? friendlyName : Guid.NewGuid().ToString();
        var target = Path.Combine(Folder.FullName, $"{name}.xml");
        var temporary = Path.Combine(Folder.FullName, $"{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        using (var stream = new FileStream(temporary, options))
        {
            element.Save(stream);
        }
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Creates the folder 0700, and narrows an existing one (and its keys) that others can read.</summary>
    public static void Create(DirectoryInfo folder)
    {
        if (OperatingSystem.IsWindows())
        {
            folder.Create();
            return;
        }
        if (!folder.Exists)
        {
            Directory.CreateDirectory(folder.FullName, FolderMode);
        }
        File.SetUnixFileMode(folder.FullName, FolderMode);
        foreach (var key in Directory.EnumerateFiles(folder.FullName, "*.xml"))
        {
            File.SetUnixFileMode(key, FileMode);
        }
        folder.Refresh();
    }
}
