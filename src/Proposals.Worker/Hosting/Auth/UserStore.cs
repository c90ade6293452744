using System.Security.Cryptography;
using System.Text;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>A user who may sign in: the configured name, the role, and a stamp of the user's settings.</summary>
/// <param name="Name">The configured user name.</param>
/// <param name="Role">The role, <see cref="Roles.Coordinator"/> or <see cref="Roles.Viewer"/>.</param>
/// <param name="Stamp">Changes when the password hash or the role changes; a session carrying an older stamp ends.</param>
internal sealed record SignInUser(string Name, string Role, string Stamp);

/// <summary>The users of <c>Auth:Users</c>, read once at start; a change takes a restart.</summary>
internal sealed class UserStore
{
    private readonly Dictionary<string, (SignInUser User, string Hash)> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _decoyLike;

    /// <summary>Reads the users of <paramref name="options"/>, already validated.</summary>
    public UserStore(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var user in options.Users)
        {
            if (!Roles.TryParse(user.Role, out var role)) throw new ArgumentException($"{user.Name}: role '{user.Role}' is unknown; validate the options first", nameof(options));
            var hash = user.PasswordHash.Trim();
            _users[user.Name.Trim()] = (new SignInUser(user.Name.Trim(), role, StampOf(hash, role)), hash);
            _decoyLike ??= hash;
        }
    }

    /// <summary>Whether sign-in is on: at least one user is configured.</summary>
    public bool Enabled => _users.Count > 0;

    /// <summary>How many users have <paramref name="role"/>.</summary>
    public int Count(string role) => _users.Values.Count(u => string.Equals(u.User.Role, role, StringComparison.Ordinal));

    /// <summary>The user named <paramref name="name"/>, or null.</summary>
    public SignInUser? Find(string? name) => name is not null && _users.TryGetValue(name.Trim(), out var entry) ? entry.User : null;

    /// <summary>The user when <paramref name="password"/> is that user's; null otherwise, after the same work either way.</summary>
    public SignInUser? Verify(string name, string password)
    {
        if (!_users.TryGetValue(name.Trim(), out var entry))
        {
            PasswordHashing.VerifyDecoy(password, _decoyLike);
            return null;
        }
        return PasswordHashing.Verify(entry.Hash, password) ? entry.User : null;
    }

    // Not a secret: a session only needs to notice that the password or role it was issued under changed.
    private static string StampOf(string hash, string role) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash + "\n" + role)), 0, 8);
}
