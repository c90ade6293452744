namespace Proposals.Domain.Reminders;

/// <summary>Who is copied on a reminder besides the division it is for.</summary>
[Flags]
public enum ReminderCopies
{
    /// <summary>Nobody.</summary>
    None = 0,

    /// <summary>The division head (处室负责人).</summary>
    Head = 1,

    /// <summary>The coordinator (综合处).</summary>
    Coordinator = 2,

    /// <summary>The leader who follows key items (分管领导, setting Mail:Leader).</summary>
    Leader = 4,
}
