using Microsoft.Extensions.Logging;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>What sign-in writes to the log. Never a password, nor a hash.</summary>
internal static partial class SignInLog
{
    /// <summary>The one start-up line when no users are configured.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "No users in Auth:Users: sign-in is off and the dashboard answers requests from this machine only (ops/DEPLOYMENT.md says how to add users).")]
    public static partial void Off(ILogger logger);

    /// <summary>The one start-up line when users are configured.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in required for every page but {PublicPaths}: {Coordinators} coordinator(s), {Viewers} viewer(s); allowed hosts {AllowedHosts}.")]
    public static partial void On(ILogger logger, string publicPaths, int coordinators, int viewers, string allowedHosts);

    /// <summary>A user signed in.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "{User} ({Role}) signed in from {Address}.")]
    public static partial void SignedIn(ILogger logger, string user, string role, string address);

    /// <summary>A wrong name or password.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in as '{User}' from {Address}.")]
    public static partial void Failed(ILogger logger, string user, string address);

    /// <summary>A try refused because of earlier failures.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in as '{User}' from {Address} refused for {Seconds} s: too many failures.")]
    public static partial void Throttled(ILogger logger, string user, string address, long seconds);

    /// <summary>A user signed out.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "{User} signed out.")]
    public static partial void SignedOut(ILogger logger, string user);

    /// <summary>The ledger could not say whether a session was signed out: the request went without it.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{User}'s session could not be checked against the ledger's sign-outs, and was not used for this request: {Reason}")]
    public static partial void RevocationUnknown(ILogger logger, string user, string reason);

    /// <summary>A viewer's change was refused.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{User} (viewer) may not {Method} {Path}: refused.")]
    public static partial void ViewerRefused(ILogger logger, string user, string method, string path);
}
