using System.Globalization;

namespace Proposals.Benchmarks.Generation;

/// <summary>
/// The ledger for the SMTP comparison: exactly one reminder owed per item on the sweep day.
/// Each item is assigned on the sweep day and due 15 days later, so its 15-days-before stage
/// falls on that day (a working day) with no earlier stage to supersede; no co-divisions, no reply,
/// not overdue (so nobody is copied): one message to one address per item.
/// </summary>
internal static class SmtpLedger
{
    public static IEnumerable<LedgerItem> Items(int count)
    {
        var divisions = Divisions.All;
        for (var i = 0; i < count; i++)
        {
            yield return new LedgerItem(
                Kind: "建议",
                Session: "人大第17届第5次会议",
                Number: (i + 1).ToString("D5", CultureInfo.InvariantCulture),
                Title: "关于加快城市更新资金拨付进度的建议",
                Proposer: "王建国",
                LeadDivision: divisions[i % divisions.Count].Name,
                CoDivisions: [],
                AssignedOn: BenchDays.SweepDay,
                DueOn: BenchDays.SweepDay.AddDays(15),
                AcknowledgedOn: null,
                RepliedOn: null,
                ReplyClass: null,
                Satisfaction: null,
                IsKey: false,
                IsReturned: false,
                ExtendedTo: null,
                ExtensionReason: null);
        }
    }
}
