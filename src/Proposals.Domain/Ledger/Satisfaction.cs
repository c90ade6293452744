namespace Proposals.Domain.Ledger;

/// <summary>满意度: the deputy's or member's evaluation of the reply.</summary>
public enum Satisfaction
{
    /// <summary>满意</summary>
    Satisfied,

    /// <summary>基本满意</summary>
    BasicallySatisfied,

    /// <summary>不满意: the item is handled again (重新办理).</summary>
    Dissatisfied,
}

/// <summary>Words and codes of <see cref="Satisfaction"/>.</summary>
public static class Satisfactions
{
    /// <summary>The stored and JSON code.</summary>
    public static string Code(this Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "satisfied",
        Satisfaction.BasicallySatisfied => "basically-satisfied",
        Satisfaction.Dissatisfied => "dissatisfied",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    /// <summary>The Chinese word.</summary>
    public static string ChineseName(this Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    /// <summary>Reads the Chinese word or the code; null when the text names no evaluation.</summary>
    public static Satisfaction? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "满意" or "satisfied" => Satisfaction.Satisfied,
        "基本满意" or "basically-satisfied" or "basically satisfied" => Satisfaction.BasicallySatisfied,
        "不满意" or "dissatisfied" => Satisfaction.Dissatisfied,
        _ => null,
    };
}
