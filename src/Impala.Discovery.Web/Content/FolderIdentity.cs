using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Tells one folder from another folder later found under the same path: where a symlink leads, and which folder of
/// the file system it is (its device and inode; a copy renamed into place is another inode). The runtime has no inode
/// to give, so it is asked of Linux; elsewhere the folder's creation time stands in. Not the creation time on Linux:
/// there .NET gives the time of the folder's last change when the file system keeps no birth time, so every file
/// saved in it made it "another folder".
/// </summary>
public sealed record FolderIdentity(string? LinkTarget, ulong Device, ulong Inode, DateTime CreatedUtc)
{
    /// <summary>The identity of the folder at <paramref name="path"/>, or null when there is none.</summary>
    public static FolderIdentity? Of(string path)
    {
        var folder = new DirectoryInfo(path);
        if (!folder.Exists)
        {
            return null;
        }

        return InodeOf(path) is { } inode
            ? new FolderIdentity(folder.LinkTarget, inode.Device, inode.Inode, default)
            : new FolderIdentity(folder.LinkTarget, 0, 0, folder.CreationTimeUtc);
    }

    // statx(2): its buffer's layout is the same on every Linux architecture, unlike stat's.
    private const int AtCurrentFolder = -100;
    private const uint InodeOnly = 0x100; // STATX_INO
    private const int BufferSize = 256;

    private static (ulong Device, ulong Inode)? InodeOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var buffer = new byte[BufferSize];
            if (StatX(AtCurrentFolder, Encoding.UTF8.GetBytes(path + "\0"), 0, InodeOnly, buffer) != 0)
            {
                return null;
            }

            var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
            var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
            return (device, inode);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx (glibc before 2.28): the creation time it is.
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, ExactSpelling = true)]
    private static extern int StatX(int folder, byte[] nulTerminatedPath, int flags, uint mask, byte[] buffer);
}
