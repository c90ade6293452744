using Proposals.Domain.Reminders;

namespace Proposals.Worker.Reminders;

/// <summary>One reminder a sweep decided, as the coordinator reads it in the plan.</summary>
/// <param name="ItemId">The item's database id.</param>
/// <param name="Reminder">What is owed, to whom, and how many older stages it skips.</param>
/// <param name="Recipients">Where it will go, To first.</param>
internal sealed record SweepPlanLine(long ItemId, OwedReminder Reminder, Recipients Recipients);
