using System.Globalization;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// Who may sign in to the dashboard (section <c>Auth</c>). With no users the dashboard answers
/// requests from this machine only, as before sign-in existed.
/// </summary>
internal sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The longest user name; a longer one typed at sign-in cannot match and is cut to this for counting and logging.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The users, as <c>Auth:Users:N:Name</c>, <c>:PasswordHash</c> and <c>:Role</c>.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>
    /// Failed sign-ins for one user name, from any address, within the window, after which each further
    /// failed answer for that name is slowed (never refused: anyone may type the coordinator's name).
    /// </summary>
    public int FailuresPerUser { get; set; } = 5;

    /// <summary>Failed sign-ins for one user name from one client address, within the window, before further tries for it there are refused.</summary>
    public int FailuresPerUserAddress { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address, whatever the names, within the window, before further tries from it are refused.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>The longest wait, in seconds, of a failed answer for a name past <see cref="FailuresPerUser"/>; the wait grows by a second a failure up to this.</summary>
    public int MaxFailureDelaySeconds { get; set; } = 10;

    /// <summary>The window, in minutes, over which failed sign-ins are counted.</summary>
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>Hours a session lasts without use; each request renews it.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>Whether sign-in is on: at least one user is configured.</summary>
    public bool Enabled => Users.Count > 0;

    /// <summary>The problems of these settings, each naming its setting; none when all is well.</summary>
    public IEnumerable<string> Validate()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Users.Count; i++)
        {
            var user = Users[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{Section}:Users:{i}");
            if (string.IsNullOrWhiteSpace(user.Name)) yield return $"{at}:Name 为空, 须填写用户名 ({at}:Name is empty (expected a user name such as zonghe))";
            else if (user.Name.Trim().Length > MaxNameLength) yield return $"{at}:Name 超过 {MaxNameLength} 个字符 ({at}:Name is longer than {MaxNameLength} characters)";
            else if (!seen.Add(user.Name.Trim())) yield return $"{at}:Name 用户名重复 ({at}:Name '{user.Name}' is given twice)";
            if (!PasswordHashing.IsHash(user.PasswordHash))
            {
                yield return $"{at}:PasswordHash 不是密码哈希, 请粘贴 proposals hash-password 输出的一行, 切勿填写密码本身 ({at}:PasswordHash is not a password hash (paste the line printed by `proposals hash-password`; never the password itself))";
            }
            if (!Roles.TryParse(user.Role, out _)) yield return $"{at}:Role 角色未知 ({at}:Role '{user.Role}' is unknown (expected {Roles.Coordinator} or {Roles.Viewer}))";
        }
        if (FailuresPerUser is < 1 or > 1000) yield return $"{Section}:FailuresPerUser 须为 1..1000 次 ({Section}:FailuresPerUser must be 1..1000, not {FailuresPerUser})";
        if (FailuresPerUserAddress is < 1 or > 1000) yield return $"{Section}:FailuresPerUserAddress 须为 1..1000 次 ({Section}:FailuresPerUserAddress must be 1..1000, not {FailuresPerUserAddress})";
        if (MaxFailureDelaySeconds is < 0 or > 60) yield return $"{Section}:MaxFailureDelaySeconds 须为 0..60 秒 ({Section}:MaxFailureDelaySeconds must be 0..60 seconds, not {MaxFailureDelaySeconds})";
        if (FailuresPerAddress is < 1 or > 10000) yield return $"{Section}:FailuresPerAddress 须为 1..10000 次 ({Section}:FailuresPerAddress must be 1..10000, not {FailuresPerAddress})";
        if (FailureWindowMinutes is < 1 or > 1440) yield return $"{Section}:FailureWindowMinutes 须为 1..1440 分钟 ({Section}:FailureWindowMinutes must be 1..1440 minutes, not {FailureWindowMinutes})";
        if (SessionHours is < 1 or > 720) yield return $"{Section}:SessionHours 须为 1..720 小时 ({Section}:SessionHours must be 1..720 hours, not {SessionHours})";
    }
}
