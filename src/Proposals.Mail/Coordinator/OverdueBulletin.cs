using Proposals.Domain.Ledger;

namespace Proposals.Mail;

/// <summary>
/// The weekly 通报 of every overdue item by lead division (Reminders:BulletinDay), to 综合处, copying
/// the leader (Mail:Leader) when a key item is among them.
/// </summary>
/// <param name="Today">The day it goes.</param>
/// <param name="Items">The overdue items, by division then most overdue first (capped).</param>
/// <param name="Total">How many items are overdue in all.</param>
/// <param name="KeyItems">How many of them are key items (重点督办).</param>
public sealed record OverdueBulletin(DateOnly Today, IReadOnlyList<BulletinItem> Items, int Total, int KeyItems)
{
    /// <summary>Where the full list is (办理进度), when a public address is set.</summary>
    public Uri? ProgressUrl { get; init; }
}

/// <summary>One overdue item in the 通报.</summary>
public sealed record BulletinItem(string Division, ItemKey Item, string Title, DateOnly DueOn, int DaysOverdue, bool Key, bool Rehandling);
