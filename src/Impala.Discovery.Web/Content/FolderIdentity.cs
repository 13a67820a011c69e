using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Tells one folder from another folder later found under the same path: where a symlink leads, and which folder of
/// the file system it is (its device and inode; a copy renamed into place is another inode; and its birth time where
/// the file system keeps one, since ext4 hands a folder made right after one was deleted the same inode). The runtime has no inode
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
            ? new FolderIdentity(folder.LinkTarget, inode.Device, inode.Inode, inode.BornUtc)
            : new FolderIdentity(folder.LinkTarget, 0, 0, folder.CreationTimeUtc);
    }

    // statx(2): its buffer's layout is the same on every Linux architecture, unlike stat's.
    private const int AtCurrentFolder = -100;
    private const uint InodeAndBirth = 0x100 | 0x800; // STATX_INO | STATX_BTIME
    private const int BufferSize = 256;

    private static (ulong Device, ulong Inode, DateTime BornUtc)? InodeOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var buffer = new byte[BufferSize];
            if (StatX(AtCurrentFolder, Encoding.UTF8.GetBytes(path + "\0"), 0, InodeAndBirth, buffer) != 0)
            {
                return null;
            }

            var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
            var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
            // The birth time only when the file system gave one (stx_mask says so; tmpfs, for one, may not).
            var born = (BinaryPrimitives.ReadUInt32LittleEndian(buffer) & 0x800) == 0 ? default
                : DateTime.UnixEpoch.AddSeconds(BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(80)))
                    .AddTicks(BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(88)) / 100);
            return (device, inode, born);
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
