namespace Proposals.Worker.Cli;

/// <summary>The exit codes scripts rely on.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Something other than the user's input failed (database, network, disk).</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong: a bad option, a bad file, a bad row.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT) before the end, nothing written: 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;
}
