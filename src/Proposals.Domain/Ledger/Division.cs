namespace Proposals.Domain.Ledger;

/// <summary>处室: a division of the bureau, with the address reminders go to.</summary>
/// <param name="Name">The division's name, unique in the bureau (e.g. 综合处).</param>
/// <param name="Email">Where the division's reminders go.</param>
/// <param name="HeadEmail">The division head, copied on overdue reminders; null when unknown.</param>
public sealed record Division(string Name, string Email, string? HeadEmail);
