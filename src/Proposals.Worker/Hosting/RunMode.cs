namespace Proposals.Worker.Hosting;

/// <summary>
/// Whether the worker runs the demo (<c>proposals run --demo</c>), where mail that stays on the
/// machine is the point rather than a mistake.
/// </summary>
internal sealed record RunMode(bool IsDemo)
{
    /// <summary>A real ledger.</summary>
    public static readonly RunMode Real = new(false);

    /// <summary>The demo ledger.</summary>
    public static readonly RunMode Demo = new(true);
}
