using MimeKit;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Worker.Answers;
using Proposals.Worker.Desk;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>
/// Writes the email for the lines of one claimed email, as Reminders:Grouping says: a division's
/// morning email (its head copied only for a 督办 of an item it leads), or one reminder as earlier
/// versions wrote it (copying the coordinator and the leader as the plan says).
/// </summary>
internal sealed class ReminderEmails(
    ReminderComposer single, DivisionEmailComposer morning, AnswerLinks links, ReminderOptions options, MailOptions mail, DashboardOptions dashboard)
{
    /// <summary>A written email: the message, where it goes, the rows it carries and, for a morning email, its day.</summary>
    public sealed record Written(MimeMessage Message, Recipients Recipients, IReadOnlyList<long> RowIds, Storage.MorningEmailDay? Morning);

    /// <summary>
    /// The email for <paramref name="lines"/> to <paramref name="division"/>; null when the division has no
    /// address. <paramref name="alone"/>: a coordinator's "send now", which is not the division's morning email.
    /// </summary>
    public async Task<Written?> WriteAsync(
        string division, IReadOnlyList<EmailLines.Line> lines, IReadOnlyDictionary<string, Division> addresses, DateOnly today, bool alone, CancellationToken cancellationToken)
    {
        var contact = new ReminderContact(options.ContactName, mail.Coordinator, options.ContactPhone);
        var ids = lines.Select(l => l.Row.Id).ToList();
        switch (options.Mode)
        {
            case ReminderGrouping.Item:
            {
                var line = lines.Single();
                var recipients = Recipients.For(options.Mode, division, line.Reminder.Copies, addresses, mail);
                if (recipients.To is null) return null;
                var message = single.Compose(await MessageAsync(line, today, recipients, contact, cancellationToken).ConfigureAwait(false));
                return new Written(message, recipients, ids, null);
            }
            case ReminderGrouping.Division:
            {
                var recipients = Recipients.For(options.Mode, division, MorningEmail.Copies(lines.Select(l => l.Reminder)), addresses, mail);
                if (recipients.To is null) return null;
                // The most urgent items, all the lines of each (Reminders:MaxItemsPerEmail counts items, not lines).
                var ordered = MorningEmail.Order(lines, l => l.Reminder);
                var shown = ordered.Select(l => l.Item.Key).Distinct().Take(options.MaxItemsPerEmail).ToHashSet();
                var listed = new List<ReminderMessage>();
                foreach (var line in ordered.Where(l => shown.Contains(l.Item.Key)))
                    listed.Add(await MessageAsync(line, today, recipients, contact, cancellationToken).ConfigureAwait(false));
                var rest = ordered.Where(l => !shown.Contains(l.Item.Key)).ToList();
                var email = new DivisionEmail(division, today, recipients.To, recipients.Cc, listed, contact)
                {
                    More = rest.Select(l => l.Item.Key).Distinct().Count(),
                    MoreOverdue = rest.Where(l => l.Reminder.IsOverdue).Select(l => l.Item.Key).Distinct().Count(),
                    ProgressUrl = ProgressUrl(division),
                    RowIds = ids,
                    Alone = alone,
                };
                return new Written(morning.Compose(email), recipients, ids, alone ? null : new Storage.MorningEmailDay(division, today));
            }
            default:
                throw new InvalidOperationException($"Reminders:Grouping {options.Mode} is not known");
        }
    }

    private async Task<ReminderMessage> MessageAsync(EmailLines.Line line, DateOnly today, Recipients recipients, ReminderContact contact, CancellationToken cancellationToken) =>
        new(line.Item, line.Reminder, today, recipients.To!, recipients.Cc, contact)
        {
            Links = line.Reminder.Stage.Stage.Kind == StageKind.CoInputLate ? [] : await links.ForAsync(line.Row.ItemId, line.Reminder, cancellationToken).ConfigureAwait(false),
        };

    // 办理进度 for the division on the dashboard, where the email's 另有N件 sends the reader.
    private Uri? ProgressUrl(string division) => dashboard.PublicUri is { } root
        ? new Uri(root, $"{dashboard.Path.Trim('/')}{ProgressPage.Path}?division={Uri.EscapeDataString(division)}")
        : null;
}
