namespace Proposals.Domain.Reminders;

/// <summary>How owed reminders are put into emails (Reminders:Grouping).</summary>
public enum ReminderGrouping
{
    /// <summary>One email per division per working day, listing every item newly owed (the default).</summary>
    Division,

    /// <summary>One email per item, division and stage, copying the coordinator and the leader as the plan says.</summary>
    Item,
}

/// <summary>Codes of <see cref="ReminderGrouping"/>.</summary>
public static class ReminderGroupings
{
    /// <summary>The setting's value: <c>division</c> or <c>item</c>.</summary>
    public static string Code(this ReminderGrouping grouping) => grouping switch
    {
        ReminderGrouping.Division => "division",
        ReminderGrouping.Item => "item",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, null),
    };

    /// <summary>Reads a setting's value (any case); null when it is neither.</summary>
    public static ReminderGrouping? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "division" => ReminderGrouping.Division,
        "item" => ReminderGrouping.Item,
        _ => null,
    };
}
