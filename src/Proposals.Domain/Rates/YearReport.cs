using System.Globalization;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// 年度办理情况: the figures of the items assigned in one year, as they stood on a date,
/// per kind, per lead division and in all.
/// </summary>
public sealed class YearReport
{
    internal YearReport(
        int year,
        DateOnly asOf,
        RateSettings settings,
        IReadOnlyDictionary<ItemKind, Figures> kinds,
        Figures total,
        IReadOnlyList<DivisionFigures> divisions,
        IReadOnlyList<KeyItemState> keyItems,
        IReadOnlyDictionary<ItemKind, IReadOnlyList<string>> sessions,
        IReadOnlyDictionary<ItemKind, IReadOnlyList<LevelFigures>> levels)
    {
        Year = year;
        AsOf = asOf;
        Settings = settings;
        Kinds = kinds;
        Total = total;
        Divisions = divisions;
        KeyItems = keyItems;
        Sessions = sessions;
        Levels = levels;
    }

    /// <summary>The year the items were assigned in.</summary>
    public int Year { get; }

    /// <summary>The date the figures describe.</summary>
    public DateOnly AsOf { get; }

    /// <summary>How the rates were counted.</summary>
    public RateSettings Settings { get; }

    /// <summary>Figures per kind; both kinds are always present, empty where there were no items.</summary>
    public IReadOnlyDictionary<ItemKind, Figures> Kinds { get; }

    /// <summary>Both kinds together.</summary>
    public Figures Total { get; }

    /// <summary>Figures per lead division and kind, ordered by division then kind; only groups with items.</summary>
    public IReadOnlyList<DivisionFigures> Divisions { get; }

    /// <summary>The key items (重点督办) of the year that were not returned, in ledger order.</summary>
    public IReadOnlyList<KeyItemState> KeyItems { get; }

    /// <summary>
    /// 届次 per kind, as recorded, of the items the bureau handles in the year (led or assisted, returned
    /// ones excluded), in ordinal order; <see cref="SessionName.Join(ItemKind, IEnumerable{string}, string)"/> names them for the paragraph.
    /// </summary>
    public IReadOnlyDictionary<ItemKind, IReadOnlyList<string>> Sessions { get; }

    /// <summary>
    /// Figures per kind and level, higher levels first (the bureau's own first among its tier); a kind's
    /// levels add up to its <see cref="Kinds"/> figures. Only levels with items; both kinds always present.
    /// </summary>
    public IReadOnlyDictionary<ItemKind, IReadOnlyList<LevelFigures>> Levels { get; }

    /// <summary>
    /// Builds the report for the items assigned in <paramref name="year"/> as of <paramref name="asOf"/>.
    /// Items assigned after the as-of date are ignored; items of earlier years count only for the replies
    /// published in the year.
    /// </summary>
    public static YearReport Build(IEnumerable<Item> items, int year, DateOnly asOf, RateSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = new YearReportBuilder(year, asOf, settings ?? RateSettings.Default);
        foreach (var item in items) builder.Add(item);
        return builder.Build();
    }

    /// <summary>
    /// The as-of date used when none is given: the last day of a past year, or today for the current year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year has not begun on <paramref name="today"/>.</exception>
    public static DateOnly DefaultAsOf(int year, DateOnly today)
    {
        if (year > today.Year)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"The year {year} has not begun yet (today is {today:yyyy-MM-dd})."));
        }
        return year == today.Year ? today : new DateOnly(year, 12, 31);
    }
}
