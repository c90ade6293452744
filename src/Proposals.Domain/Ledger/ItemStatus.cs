namespace Proposals.Domain.Ledger;

/// <summary>Where an item stands. It follows from the recorded dates and facts, never typed in.</summary>
public enum ItemStatus
{
    /// <summary>已交办: assigned to the bureau, nothing more recorded.</summary>
    Assigned,

    /// <summary>已签收: the lead division has acknowledged it.</summary>
    Acknowledged,

    /// <summary>延期: an extension to a new due date is recorded and no reply yet.</summary>
    Extended,

    /// <summary>已答复: a reply was sent.</summary>
    Replied,

    /// <summary>已测评: the deputy or member evaluated the reply (满意 or 基本满意).</summary>
    Evaluated,

    /// <summary>重新办理: evaluated 不满意, handled again.</summary>
    ReHandling,

    /// <summary>退回: not the bureau's business, sent back; counts for nobody.</summary>
    Returned,
}

/// <summary>Codes and Chinese names of <see cref="ItemStatus"/>.</summary>
public static class ItemStatuses
{
    /// <summary>The JSON code.</summary>
    public static string Code(this ItemStatus s) => s switch
    {
        ItemStatus.Assigned => "assigned",
        ItemStatus.Acknowledged => "acknowledged",
        ItemStatus.Extended => "extended",
        ItemStatus.Replied => "replied",
        ItemStatus.Evaluated => "evaluated",
        ItemStatus.ReHandling => "re-handling",
        ItemStatus.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    /// <summary>The Chinese name.</summary>
    public static string ChineseName(this ItemStatus s) => s switch
    {
        ItemStatus.Assigned => "已交办",
        ItemStatus.Acknowledged => "已签收",
        ItemStatus.Extended => "延期",
        ItemStatus.Replied => "已答复",
        ItemStatus.Evaluated => "已测评",
        ItemStatus.ReHandling => "重新办理",
        ItemStatus.Returned => "退回",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };
}
