using System.Diagnostics;

namespace Impala.Discovery.Tests;

/// <summary>Runs a system command (mkfifo, sh) for tests that need what .NET cannot make: pipes, badly named files.</summary>
public static class Shell
{
    public static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
