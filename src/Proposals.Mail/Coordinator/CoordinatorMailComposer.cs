using System.Globalization;
using Fluid;
using MimeKit;
using Proposals.Domain.Ledger;

namespace Proposals.Mail;

/// <summary>
/// Writes what goes to 综合处 (Mail:Coordinator): the morning summary (templates summary.*.liquid) and the
/// weekly 通报 of overdue items (bulletin.*.liquid), copying Mail:Leader when a key item is overdue.
/// </summary>
public sealed class CoordinatorMailComposer
{
    private readonly MailTemplateSet _summary;
    private readonly MailTemplateSet _bulletin;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Reads the templates in <paramref name="templatesDirectory"/> (missing ones from <paramref name="shippedDirectory"/>).</summary>
    /// <exception cref="MailTemplateException">A template file is missing or malformed.</exception>
    public CoordinatorMailComposer(string templatesDirectory, MailOptions options, string? shippedDirectory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(templatesDirectory);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _ = _options.FromMailbox;
        _summary = new MailTemplateSet(templatesDirectory, "summary", shippedDirectory);
        _bulletin = new MailTemplateSet(templatesDirectory, "bulletin", shippedDirectory);
    }

    /// <summary>The morning summary, to the coordinator.</summary>
    public MimeMessage Compose(MorningSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var context = ReminderTemplateModel.NewContext();
        context.SetValue("today", ReminderTemplateModel.ChineseDate(summary.Today));
        context.SetValue("divisions", summary.Divisions.Select(d => Row(("division", d.Division), ("emails", d.Emails), ("items", d.Items), ("overdue", d.Overdue))).ToList());
        context.SetValue("emails", summary.Divisions.Sum(d => d.Emails));
        context.SetValue("items", summary.Divisions.Sum(d => d.Items));
        context.SetValue("overdue_count", summary.Divisions.Sum(d => d.Overdue));
        context.SetValue("failures", summary.Failures.Select(f => Row(("division", f.Division), ("item", Key(f.Item)), ("title", f.Title), ("state", f.State), ("reason", f.Reason))).ToList());
        context.SetValue("more_failures", summary.MoreFailures);
        context.SetValue("overdue", summary.Overdue.Select(o => Row(("division", o.Division), ("item", Key(o.Item)), ("title", o.Title),
            ("due_on", ReminderTemplateModel.ChineseDate(o.DueOn)), ("days_overdue", o.DaysOverdue), ("stage_name", o.StageName))).ToList());
        context.SetValue("more_overdue", summary.MoreOverdue);
        context.SetValue("record_url", summary.RecordUrl?.AbsoluteUri ?? "");
        return Compose(_summary, context, [], $"summary.{summary.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The weekly 通报, to the coordinator, copying the leader when a key item is overdue.</summary>
    public MimeMessage Compose(OverdueBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var context = ReminderTemplateModel.NewContext();
        context.SetValue("today", ReminderTemplateModel.ChineseDate(bulletin.Today));
        context.SetValue("total", bulletin.Total);
        context.SetValue("key_items", bulletin.KeyItems);
        context.SetValue("more", bulletin.Total - bulletin.Items.Count);
        context.SetValue("divisions", bulletin.Items.GroupBy(i => i.Division, StringComparer.Ordinal).Select(g => Row(
            ("division", g.Key), ("count", g.Count()),
            ("items", g.Select(i => Row(("item", Key(i.Item)), ("title", i.Title), ("due_on", ReminderTemplateModel.ChineseDate(i.DueOn)),
                ("days_overdue", i.DaysOverdue), ("key_item", i.Key), ("rehandling", i.Rehandling))).ToList()))).ToList());
        context.SetValue("progress_url", bulletin.ProgressUrl?.AbsoluteUri ?? "");
        string[] cc = bulletin.KeyItems > 0 && !string.IsNullOrWhiteSpace(_options.Leader) ? [_options.Leader] : [];
        return Compose(_bulletin, context, cc, $"bulletin.{bulletin.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
    }

    private MimeMessage Compose(MailTemplateSet templates, TemplateContext context, IReadOnlyList<string> cc, string id) =>
        AutomaticMail.Write(_options, _time.GetLocalNow(), templates, context, "综合处", _options.Coordinator, cc, domain => $"{id}@{domain}");

    private static string Key(ItemKey key) => $"{key.Kind.ShortName()} {key.Session} 第{key.Number}号";

    private static Dictionary<string, object> Row(params (string Name, object Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);
}
