namespace Proposals.Worker.Hosting.Auth;

/// <summary>One user of the dashboard as configured (<c>Auth:Users:N</c>).</summary>
internal sealed class ConfiguredUser
{
    /// <summary>The name typed at sign-in; compared without regard to case.</summary>
    public string Name { get; set; } = "";

    /// <summary>The salted slow hash printed by <c>proposals hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary><c>coordinator</c> or <c>viewer</c>.</summary>
    public string Role { get; set; } = "";
}
