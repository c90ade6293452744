namespace Proposals.Worker.Hosting.Auth;

/// <summary>The two roles: the coordinator (综合处) acts on jobs; a viewer only looks.</summary>
internal static class Roles
{
    /// <summary>May trigger, retry and delete jobs, and resend a failed reminder.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Sees everything, changes nothing.</summary>
    public const string Viewer = "viewer";

    /// <summary>The role named by <paramref name="text"/>, in its canonical spelling.</summary>
    public static bool TryParse(string? text, out string role)
    {
        role = text?.Trim() switch
        {
            var t when string.Equals(t, Coordinator, StringComparison.OrdinalIgnoreCase) => Coordinator,
            var t when string.Equals(t, Viewer, StringComparison.OrdinalIgnoreCase) => Viewer,
            _ => "",
        };
        return role.Length > 0;
    }
}
