using System.Globalization;
using System.Text;
using MimeKit;
using Proposals.Benchmarks.Generation;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// A message the size and shape of one of the program's reminders, written out by hand (the
/// program's templates are its own and may change): a Chinese subject and display names, a text
/// and an HTML body of a few kilobytes, a small iCalendar attachment with the due date.
/// </summary>
internal static class ReminderLikeMessage
{
    public static MimeMessage Create(int index)
    {
        var division = Divisions.All[index % Divisions.All.Count];
        var number = (index + 1).ToString("D5", CultureInfo.InvariantCulture);
        var due = BenchDays.SweepDay.AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = "关于加快城市更新资金拨付进度的建议";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("建议提案催办", "proposals@finance.example.org"));
        message.To.Add(new MailboxAddress(division.Name, division.Email));
        message.Subject = $"【催办】建议 人大第17届第5次会议 第{number}号 距办理期限还有15天";
        message.MessageId = $"bench.{number}.{Guid.NewGuid():N}@finance.example.org";
        var facts = new[]
        {
            ("编号", $"人大第17届第5次会议 第{number}号"), ("标题", title), ("提出人", "王建国"), ("主办处室", division.Name),
            ("协办处室", "无"), ("贵处室承担", "主办"), ("交办日期", BenchDays.SweepDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("办理期限", due), ("剩余天数", "15天"),
        };
        var text = new StringBuilder().Append(division.Name).AppendLine("：").AppendLine()
            .AppendLine("下列建议距办理期限还有15天，请按期办理。").AppendLine();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>建议</title></head>")
            .Append("<body style=\"font-family: 'Microsoft YaHei', SimSun, sans-serif; font-size: 14px;\">")
            .Append("<p>").Append(division.Name).Append("：</p><p>下列建议距办理期限还有<strong>15天</strong>，请按期办理。</p>")
            .Append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-collapse: collapse;\">");
        foreach (var (name, value) in facts)
        {
            text.Append(name).Append('：').AppendLine(value);
            html.Append("<tr><th align=\"left\">").Append(name).Append("</th><td>").Append(value).Append("</td></tr>");
        }
        const string Ask = "请于期限前答复代表，并将答复件（注明答复类别A/B/C/D）报送综合处。联系人：综合处  邮箱：zonghe@finance.example.org。" +
                           "附件 due.ics 可将期限加入日历。本邮件由系统自动发送，如有疑问请与联系人联系。";
        text.AppendLine().AppendLine("办理要求：").AppendLine(Ask);
        html.Append("</table><p>办理要求：").Append(Ask).Append("</p></body></html>");
        var body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() };
        body.Attachments.Add("due.ics", Encoding.UTF8.GetBytes(Calendar(number, title, due)), new ContentType("text", "calendar"));
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Calendar(string number, string title, string due)
    {
        var day = due.Replace("-", "", StringComparison.Ordinal);
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//proposals-bench//EN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n" +
               $"UID:bench-{number}@finance.example.org\r\nDTSTAMP:20260615T010000Z\r\nDTSTART;VALUE=DATE:{day}\r\n" +
               $"SUMMARY:办理期限 第{number}号 {title}\r\nDESCRIPTION:请于期限前答复\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }
}
