using System.Globalization;
using Proposals.Domain.Ledger;

namespace Proposals.Domain.Rates;

/// <summary>
/// Builds a <see cref="YearReport"/> from items fed one at a time, e.g. straight from a database reader.
/// Only counts are kept, plus the few key items.
/// </summary>
public sealed class YearReportBuilder
{
    private readonly int year;
    private readonly DateOnly asOf;
    private readonly RateSettings settings;
    private readonly Dictionary<ItemKind, FiguresTally> kinds = new()
    {
        [ItemKind.Npc] = new FiguresTally(),
        [ItemKind.Cppcc] = new FiguresTally(),
    };
    private readonly Dictionary<(string Division, ItemKind Kind), FiguresTally> divisions = [];
    private readonly List<KeyItemState> keyItems = [];
    private readonly Dictionary<ItemKind, SortedSet<string>> sessions = new()
    {
        [ItemKind.Npc] = new SortedSet<string>(StringComparer.Ordinal),
        [ItemKind.Cppcc] = new SortedSet<string>(StringComparer.Ordinal),
    };

    private readonly Dictionary<(ItemKind Kind, string Level), FiguresTally> levels = [];
    private readonly Dictionary<(ItemKind Kind, string Level), SortedSet<string>> levelSessions = [];
    // A ledger has few distinct 届次: each is read once, not once per item.
    private readonly Dictionary<string, string> levelOfSession = new(StringComparer.Ordinal);

    /// <summary>Starts a report for the items assigned in <paramref name="year"/> as of <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not a calendar year, or the as-of date is before it begins.</exception>
    public YearReportBuilder(int year, DateOnly asOf, RateSettings settings)
    {
        if (year < 1 || year > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, "The report year must be a calendar year.");
        if (asOf < new DateOnly(year, 1, 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(asOf), asOf, string.Create(CultureInfo.InvariantCulture, $"The as-of date {asOf:yyyy-MM-dd} is before the year {year} begins."));
        }
        this.year = year;
        this.asOf = asOf;
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>
    /// Counts one item; returns false when it belongs to another year or was assigned after the as-of date.
    /// An item of an earlier year whose reply was published in this year still counts as published:
    /// disclosure reports count the replies published in the year, whenever the item came.
    /// </summary>
    public bool Add(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.AssignedOn.Year < year)
        {
            if (item.IsPublishedIn(year, asOf))
            {
                kinds[item.Key.Kind].AddPublication(item, year, asOf);
                DivisionTally(item).AddPublication(item, year, asOf);
                LevelTally(item).AddPublication(item, year, asOf);
            }
            return false;
        }
        // An item assigned after the as-of date did not exist yet on that date.
        if (item.AssignedOn.Year != year || item.AssignedOn > asOf) return false;

        kinds[item.Key.Kind].Add(item, year, asOf);
        DivisionTally(item).Add(item, year, asOf);
        LevelTally(item).Add(item, year, asOf);

        if (item.IsReturnedBy(asOf)) return true;
        sessions[item.Key.Kind].Add(item.Key.Session);
        LevelSessions(item).Add(item.Key.Session);
        // Key items are followed for their reply: one the bureau only assists with has none.
        if (item.IsKey && item.BureauRole.IsLead()) keyItems.Add(KeyItemState.Of(item, asOf));
        return true;
    }

    private FiguresTally DivisionTally(Item item)
    {
        var key = (item.LeadDivision, item.Key.Kind);
        if (!divisions.TryGetValue(key, out var tally))
        {
            tally = new FiguresTally();
            divisions[key] = tally;
        }
        return tally;
    }

    private string LevelOf(Item item)
    {
        var session = item.Key.Session;
        if (!levelOfSession.TryGetValue(session, out var level))
        {
            // A 届次 with no level word (or a place that names none) is the bureau's own level.
            level = SessionName.LevelOf(session) ?? settings.Level;
            levelOfSession[session] = level;
        }
        return level;
    }

    private FiguresTally LevelTally(Item item)
    {
        var key = (item.Key.Kind, LevelOf(item));
        if (!levels.TryGetValue(key, out var tally))
        {
            tally = new FiguresTally();
            levels[key] = tally;
        }
        return tally;
    }

    private SortedSet<string> LevelSessions(Item item)
    {
        var key = (item.Key.Kind, LevelOf(item));
        if (!levelSessions.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            levelSessions[key] = set;
        }
        return set;
    }

    private IReadOnlyList<LevelFigures> LevelsOf(ItemKind kind) =>
    [
        .. levels
            .Where(l => l.Key.Kind == kind)
            .OrderBy(l => CongressLevel.Tier(l.Key.Level))
            .ThenBy(l => l.Key.Level == settings.Level ? 0 : 1)
            .ThenBy(l => l.Key.Level, StringComparer.Ordinal)
            .Select(l => new LevelFigures(
                l.Key.Level,
                levelSessions.TryGetValue(l.Key, out var s) ? [.. s] : [],
                l.Value.ToFigures(settings))),
    ];

    /// <summary>The report for the items added so far.</summary>
    public YearReport Build()
    {
        var total = new FiguresTally();
        foreach (var tally in kinds.Values) total.Add(tally);

        var byDivision = divisions
            .OrderBy(d => d.Key.Division, StringComparer.Ordinal)
            .ThenBy(d => d.Key.Kind)
            .Select(d => new DivisionFigures(d.Key.Division, d.Key.Kind, d.Value.ToFigures(settings)))
            .ToList();

        var keys = keyItems
            .OrderBy(k => k.Key.Kind)
            .ThenBy(k => k.Key.Session, StringComparer.Ordinal)
            .ThenBy(k => k.Key.Number, StringComparer.Ordinal)
            .ToList();

        return new YearReport(
            year,
            asOf,
            settings,
            kinds.ToDictionary(k => k.Key, k => k.Value.ToFigures(settings)),
            total.ToFigures(settings),
            byDivision,
            keys,
            sessions.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)[.. s.Value]),
            new Dictionary<ItemKind, IReadOnlyList<LevelFigures>> { [ItemKind.Npc] = LevelsOf(ItemKind.Npc), [ItemKind.Cppcc] = LevelsOf(ItemKind.Cppcc) });
    }
}
