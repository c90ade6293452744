namespace Proposals.Domain.Ledger;

/// <summary>The two kinds of item a bureau answers.</summary>
public enum ItemKind
{
    /// <summary>人大代表建议: a deputy's suggestion (code <c>npc</c>).</summary>
    Npc,

    /// <summary>政协提案: a CPPCC member's proposal (code <c>cppcc</c>).</summary>
    Cppcc,
}

/// <summary>Codes and Chinese names of <see cref="ItemKind"/>, as files and JSON spell them.</summary>
public static class ItemKinds
{
    /// <summary>The code used in JSON and on the command line: <c>npc</c> or <c>cppcc</c>.</summary>
    public static string Code(this ItemKind kind) => kind switch
    {
        ItemKind.Npc => "npc",
        ItemKind.Cppcc => "cppcc",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The short Chinese word used in ledgers: 建议 or 提案.</summary>
    public static string ShortName(this ItemKind kind) => kind switch
    {
        ItemKind.Npc => "建议",
        ItemKind.Cppcc => "提案",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The full Chinese name: 人大代表建议 or 政协提案.</summary>
    public static string FullName(this ItemKind kind) => kind switch
    {
        ItemKind.Npc => "人大代表建议",
        ItemKind.Cppcc => "政协提案",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a kind from a code or a Chinese word; null when the text names no kind.</summary>
    public static ItemKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "npc" or "建议" or "代表建议" or "人大建议" or "人大代表建议" => ItemKind.Npc,
        "cppcc" or "提案" or "政协提案" => ItemKind.Cppcc,
        _ => null,
    };
}
