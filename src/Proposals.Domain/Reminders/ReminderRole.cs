namespace Proposals.Domain.Reminders;

/// <summary>Which part a division plays for an item, and so which due date its reminders count against.</summary>
public enum ReminderRole
{
    /// <summary>主办处室: reminded against the reply due date (<c>Item.EffectiveDueOn</c>).</summary>
    Lead,

    /// <summary>协办处室: reminded against the date its input is due (<c>Item.CoInputDueOn</c>).</summary>
    CoDivision,
}
