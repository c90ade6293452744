using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>The note a dismissed reminder keeps: who settled it and when, before the reason it had.</summary>
internal static class DismissNote
{
    public static string By(string who, TimeProvider clock, LedgerOptions ledger) =>
        $"由 {who} 于 {ledger.Shown(clock.GetUtcNow())} 忽略 (dismissed); ";
}
