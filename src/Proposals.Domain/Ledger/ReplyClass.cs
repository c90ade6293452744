namespace Proposals.Domain.Ledger;

/// <summary>答复类别: how far the reply meets the item.</summary>
public enum ReplyClass
{
    /// <summary>A: solved or basically solved.</summary>
    A,

    /// <summary>B: being solved, or planned.</summary>
    B,

    /// <summary>C: cannot be solved for now, explained.</summary>
    C,

    /// <summary>D: kept for reference.</summary>
    D,
}

/// <summary>Reads <see cref="ReplyClass"/> from ledger text.</summary>
public static class ReplyClasses
{
    /// <summary>Reads A/B/C/D (also 甲/乙/丙/丁 and "A类"); null when the text names no class.</summary>
    public static ReplyClass? Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant().Replace("类", "", StringComparison.Ordinal);
        return t switch
        {
            "A" or "甲" => ReplyClass.A,
            "B" or "乙" => ReplyClass.B,
            "C" or "丙" => ReplyClass.C,
            "D" or "丁" => ReplyClass.D,
            _ => null,
        };
    }
}
