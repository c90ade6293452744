using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// The reply classes counted as solved in 解决率 (<c>Reports:SolvedClasses</c>): A alone (解决或基本解决), the
/// default, or A and B (解决或计划逐步解决), as some reports count it.
/// </summary>
public sealed class SolvedClasses
{
    private SolvedClasses(IEnumerable<ReplyClass> classes) => Classes = [.. classes.Distinct().Order()];

    /// <summary>Class A alone.</summary>
    public static SolvedClasses Default { get; } = new([ReplyClass.A]);

    /// <summary>The classes, A to D.</summary>
    public IReadOnlyList<ReplyClass> Classes { get; }

    /// <summary>As the setting writes them: A or A,B.</summary>
    public string Code => string.Join(",", Classes.Select(Letter));

    /// <summary>As Chinese text writes them: A or A、B.</summary>
    public string Text => string.Join("、", Classes.Select(Letter));

    /// <summary>Whether <paramref name="replyClass"/> counts as solved.</summary>
    public bool Contains(ReplyClass replyClass) => Classes.Contains(replyClass);

    /// <summary>
    /// Reads letters A-D separated by commas (also ，、; and spaces), e.g. "A,B"; null when the text names
    /// no class or a word that is not one, which <paramref name="unknown"/> then gives ("" for no class at all).
    /// </summary>
    public static SolvedClasses? Parse(string? text, out string? unknown)
    {
        var parts = (text ?? "").Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var classes = new List<ReplyClass>();
        foreach (var part in parts)
        {
            ReplyClass? c = part.ToUpperInvariant() switch
            {
                "A" => ReplyClass.A,
                "B" => ReplyClass.B,
                "C" => ReplyClass.C,
                "D" => ReplyClass.D,
                _ => null,
            };
            if (c is null)
            {
                unknown = part;
                return null;
            }
            classes.Add(c.Value);
        }
        unknown = classes.Count == 0 ? "" : null;
        return classes.Count == 0 ? null : new SolvedClasses(classes);
    }

    /// <summary>The letter of a class.</summary>
    public static string Letter(ReplyClass replyClass) => replyClass switch
    {
        ReplyClass.A => "A",
        ReplyClass.B => "B",
        ReplyClass.C => "C",
        ReplyClass.D => "D",
        _ => throw new ArgumentOutOfRangeException(nameof(replyClass), replyClass, "not a reply class"),
    };
}
