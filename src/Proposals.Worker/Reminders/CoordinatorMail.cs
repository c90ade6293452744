using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Cli;
using Proposals.Worker.Desk;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>
/// What 综合处 gets instead of a copy of every division's email (Reminders:Grouping division): one
/// morning summary on a day anything was sent or failed, after the first send that follows the
/// sweep (what fails later goes into the next day's), and the weekly 通报 of every overdue item by
/// division on Reminders:BulletinDay (or the next working day), copying Mail:Leader when a key item is
/// overdue. Each is recorded once per day or week, so a restart or a second worker never sends it twice.
/// </summary>
internal sealed class CoordinatorMail(
    CoordinatorMailStore record, ReminderStore reminders, ItemStore items, CoordinatorMailComposer composer, IMailTransport transport,
    ReminderOptions options, LedgerOptions ledger, DashboardOptions dashboard)
{
    /// <summary>
    /// Sends what is due to the coordinator on <paramref name="today"/> after a drain: the 通报 when its
    /// day has come, the summary when the drain just done sent or failed something (<paramref name="anythingWent"/>):
    /// the record is read for it only then, never on a quiet round. Returns a line per mail sent.
    /// </summary>
    public async Task<IReadOnlyList<string>> AfterDrainAsync(DateOnly today, WorkingCalendar calendar, bool anythingWent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var said = new List<string>();
        // The summary and the 通报 follow the day's sweep, as the divisions' emails do.
        if (options.Mode != ReminderGrouping.Division || !calendar.IsWorkingDay(today) || !await reminders.SweptAsync(today, cancellationToken).ConfigureAwait(false)) return said;
        if (options.Bulletin is { } day
            && await SendOnceAsync(CoordinatorMailStore.Bulletin, BulletinSchedule.WeekOf(day, today), () => BulletinAsync(today, cancellationToken), cancellationToken).ConfigureAwait(false) is { } bulletin)
        {
            said.Add($"通报 (bulletin) {CliDate.Iso(today)}: {bulletin}");
        }
        if (!anythingWent) return said;
        var since = await record.LastBeforeAsync(CoordinatorMailStore.Summary, today, cancellationToken).ConfigureAwait(false) ?? ledger.StartOf(today);
        // The activity is read once claimed: what another worker sent meanwhile is in this summary, not lost between two.
        if (await SendOnceAsync(CoordinatorMailStore.Summary, today, async () =>
                composer.Compose(Summary(today, await reminders.ActivitySinceAsync(since, cancellationToken).ConfigureAwait(false))), cancellationToken).ConfigureAwait(false) is { } summary)
        {
            said.Add($"催办汇总 (summary) {CliDate.Iso(today)}: {summary}");
        }
        return said;
    }

    // Claims the mail for its period, sends it and records how it ended; null when it was already
    // recorded, or there was nothing to say (a week with nothing overdue: recorded as such, no email).
    private async Task<string?> SendOnceAsync(string kind, DateOnly period, Func<Task<MimeKit.MimeMessage?>> write, CancellationToken cancellationToken)
    {
        if (!await record.ClaimAsync(kind, period, cancellationToken).ConfigureAwait(false)) return null;
        MimeKit.MimeMessage? message;
        try
        {
            message = await write().ConfigureAwait(false);
            if (message is null)
            {
                await record.FinishAsync(kind, period, "nothing", null, null, null, "没有需要通报的事项 (nothing to report)", CancellationToken.None).ConfigureAwait(false);
                return null;
            }
        }
        catch
        {
            await record.ForgetAsync(kind, period, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        var cc = message.Cc.Count == 0 ? null : string.Join(", ", message.Cc.Mailboxes.Select(m => m.Address));
        SendOutcome outcome;
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            outcome = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing was recorded as sent: let go of the claim, a later round sends it.
            await record.ForgetAsync(kind, period, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await record.FinishAsync(kind, period, "sent", message.MessageId, to, cc, sent.ServerReply, CancellationToken.None).ConfigureAwait(false);
                return $"已发送 sent → {to}{(cc is null ? "" : "; cc " + cc)}";
            case SendOutcome.Uncertain uncertain:
                await record.FinishAsync(kind, period, "uncertain", message.MessageId, to, cc, uncertain.Reason, CancellationToken.None).ConfigureAwait(false);
                return $"结果不明 uncertain: {uncertain.Reason}";
            case SendOutcome.Permanent permanent:
                await record.FinishAsync(kind, period, "failed", message.MessageId, to, cc, permanent.Reason, CancellationToken.None).ConfigureAwait(false);
                return $"失败 failed: {permanent.Reason}";
            case SendOutcome.Transient or SendOutcome.Unavailable:
                // The server away for now: let go of the claim, a later round sends it.
                await record.ForgetAsync(kind, period, CancellationToken.None).ConfigureAwait(false);
                return null;
            default:
                throw new InvalidOperationException($"unknown send outcome {outcome}");
        }
    }

    private MorningSummary Summary(DateOnly today, IReadOnlyList<ReminderListing> activity)
    {
        var sent = activity.Where(a => a.Record.State is ReminderState.Sent or ReminderState.Uncertain && a.Record.MessageId is not null).ToList();
        var divisions = sent.GroupBy(a => a.Record.Division, StringComparer.Ordinal)
            .Select(g => new SummaryDivision(g.Key, g.Select(a => a.Record.MessageId).Distinct().Count(), g.Select(a => a.Item).Distinct().Count(),
                g.Where(a => a.Record.Stage.IsOverdue).Select(a => a.Item).Distinct().Count()))
            .OrderBy(d => d.Division, StringComparer.Ordinal).ToList();
        var failures = activity.Where(a => a.Record.State is ReminderState.Failed or ReminderState.Uncertain)
            .Select(a => new SummaryFailure(a.Record.Division, a.Item, a.Title, a.Record.State.ChineseName(), a.Record.LastError ?? "")).ToList();
        var overdue = sent.Where(a => a.Record.Stage.IsOverdue)
            .Select(a => new SummaryOverdue(a.Record.Division, a.Item, a.Title, a.Record.DueOn, today.DayNumber - a.Record.DueOn.DayNumber,
                a.Record.Notice is { } n ? $"第{n}次督办" : a.Record.Stage.ChineseName))
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Division, StringComparer.Ordinal).ToList();
        var cap = options.MaxItemsPerEmail;
        return new MorningSummary(today, divisions, failures.Take(cap).ToList(), overdue.Take(cap).ToList())
        {
            MoreFailures = Math.Max(0, failures.Count - cap),
            MoreOverdue = Math.Max(0, overdue.Count - cap),
            RecordUrl = DeskUrl(RemindersPage.Path),
        };
    }

    private async Task<MimeKit.MimeMessage?> BulletinAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var listed = new List<BulletinItem>();
        var total = 0;
        var keys = 0;
        await foreach (var stored in items.ListAsync(new ItemFilter(null, today, OverdueOnly: true), cancellationToken).ConfigureAwait(false))
        {
            var item = stored.Item;
            total++;
            if (item.IsKey) keys++;
            var round = item.RoundOn(today);
            var due = item.LeadDueOn(round);
            listed.Add(new BulletinItem(item.LeadDivision, item.Key, item.Title, due, today.DayNumber - due.DayNumber, item.IsKey, round == HandlingRound.Rehandling));
            // Keep the most overdue within the cap while streaming: memory stays bounded at any ledger size.
            if (listed.Count > options.MaxItemsPerEmail * 2) Trim(listed);
        }
        if (total == 0) return null;
        Trim(listed);
        var ordered = listed.OrderBy(i => i.Division, StringComparer.Ordinal).ThenByDescending(i => i.DaysOverdue).ToList();
        return composer.Compose(new OverdueBulletin(today, ordered, total, keys) { ProgressUrl = DeskUrl(ProgressPage.Path) });
    }

    private void Trim(List<BulletinItem> listed)
    {
        if (listed.Count <= options.MaxItemsPerEmail) return;
        var keep = listed.OrderByDescending(i => i.Key).ThenByDescending(i => i.DaysOverdue).Take(options.MaxItemsPerEmail).ToList();
        listed.Clear();
        listed.AddRange(keep);
    }

    private Uri? DeskUrl(string page) => dashboard.PublicUri is { } root ? new Uri(root, dashboard.Path.Trim('/') + page) : null;
}
