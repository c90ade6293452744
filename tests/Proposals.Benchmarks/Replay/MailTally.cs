namespace Proposals.Benchmarks.Replay;

/// <summary>
/// How much mail the replayed days made, counted from the messages themselves: in all and per
/// working day, per address (To and Cc alike, a message counted once per address it reached), the
/// copies (Cc), and how many days one item came back to one division (a To address).
/// </summary>
internal sealed class MailTally(IReadOnlyList<DateOnly> days, IReadOnlyList<SentMail> mails)
{
    public int WorkingDays => days.Count;

    public int Emails => mails.Count;

    public int DaysWithMail => mails.Select(m => m.Day).Distinct().Count();

    /// <summary>The busiest day: its emails and the day (the first such day).</summary>
    public (int Emails, DateOnly? Day) MostInADay =>
        mails.GroupBy(m => m.Day).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Count(), (DateOnly?)g.Key)).FirstOrDefault();

    public double MeanPerWorkingDay => days.Count == 0 ? 0 : (double)mails.Count / days.Count;

    /// <summary>The most emails one address got on one day, with the address and the day.</summary>
    public (int Emails, string? Address, DateOnly? Day) MostToOneAddressInADay =>
        mails.SelectMany(m => m.Recipients.Select(r => (Address: r, m.Day)))
            .GroupBy(x => x)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Day).ThenBy(g => g.Key.Address, StringComparer.Ordinal)
            .Select(g => (g.Count(), (string?)g.Key.Address, (DateOnly?)g.Key.Day))
            .FirstOrDefault();

    /// <summary>Emails per address over the whole replay, the most first.</summary>
    public IReadOnlyList<(string Address, int Emails)> PerAddress(int top) => Ranked(mails.SelectMany(m => m.Recipients), top);

    public int EmailsWithCc => mails.Count(m => m.Cc.Count > 0);

    /// <summary>Whom the copies went to, the most copied first.</summary>
    public IReadOnlyList<(string Address, int Emails)> Copied => Ranked(mails.SelectMany(m => m.Cc), int.MaxValue);

    /// <summary>Emails in which no item could be read (a summary, a bulletin, a report).</summary>
    public int EmailsNamingNoItem => mails.Count(m => m.Items.Count == 0);

    /// <summary>Item mentions in all: a message listing three items counts three.</summary>
    public int ItemMentions => mails.Sum(m => m.Items.Count);

    /// <summary>The most days one item appeared in emails to one division (its To address), with the item and the address.</summary>
    public (int Days, string? Item, string? Address) MostDaysOneItemToOneDivision =>
        mails.SelectMany(m => m.To.SelectMany(to => m.Items.Select(item => (Item: item, Address: to, m.Day))))
            .GroupBy(x => (x.Item, x.Address))
            .Select(g => (Days: g.Select(x => x.Day).Distinct().Count(), g.Key.Item, g.Key.Address))
            .OrderByDescending(x => x.Days).ThenBy(x => x.Address, StringComparer.Ordinal).ThenBy(x => x.Item, StringComparer.Ordinal)
            .Select(x => (x.Days, (string?)x.Item, (string?)x.Address))
            .FirstOrDefault();

    private static List<(string Address, int Emails)> Ranked(IEnumerable<string> addresses, int top) =>
        addresses.GroupBy(a => a, StringComparer.Ordinal)
            .Select(g => (Address: g.Key, Emails: g.Count()))
            .OrderByDescending(x => x.Emails).ThenBy(x => x.Address, StringComparer.Ordinal)
            .Take(top)
            .ToList();
}
