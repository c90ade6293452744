namespace Proposals.Domain.Ledger;

/// <summary>Which answer the lead division owes: the first reply, or the second after 不满意 (重新办理).</summary>
public enum HandlingRound
{
    /// <summary>The first reply, due by the due date in force.</summary>
    First,

    /// <summary>重新办理: evaluated 不满意, handled again and answered again by the re-handling due date.</summary>
    Rehandling,
}

/// <summary>Codes of <see cref="HandlingRound"/>.</summary>
public static class HandlingRounds
{
    /// <summary>The stored code: <c>first</c> or <c>rehandle</c>.</summary>
    public static string Code(this HandlingRound round) => round switch
    {
        HandlingRound.First => "first",
        HandlingRound.Rehandling => "rehandle",
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, null),
    };

    /// <summary>Reads a code written by <see cref="Code"/>.</summary>
    public static HandlingRound Parse(string code) => code switch
    {
        "first" => HandlingRound.First,
        "rehandle" => HandlingRound.Rehandling,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "a handling round is 'first' or 'rehandle'"),
    };
}
