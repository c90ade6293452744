using Proposals.Domain.Reminders;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class ReminderComposerTests
{
    [Theory]
    [InlineData(3, "lead", "before-3", "【催办】人大代表建议 十五届一次 第0012号 距办理期限还有3天")]
    [InlineData(0, "lead", "due", "【催办】人大代表建议 十五届一次 第0012号 今天到期")]
    [InlineData(-5, "lead", "overdue-1", "【督办】人大代表建议 十五届一次 第0012号 已超期5天")]
    [InlineData(5, "co", "before-7", "【催办】人大代表建议 十五届一次 第0012号 协办意见距反馈期限还有5天")]
    [InlineData(-1, "co", "overdue-1", "【督办】人大代表建议 十五届一次 第0012号 协办意见已超期1天")]
    public void Subject_NamesKindNumberAndDays(int daysLeft, string role, string stage, string expected)
    {
        var reminder = role == "lead"
            ? MailSamples.Reminder(MailSamples.Item(), "金融发展处", ReminderRole.Lead, stage, daysLeft, "fazhan@jrj.example.gov.cn")
            : MailSamples.Reminder(MailSamples.Item(), "法规处", ReminderRole.CoDivision, stage, daysLeft, "fagui@jrj.example.gov.cn");

        var message = MailSamples.Composer().Compose(reminder);

        Assert.Equal(expected, message.Subject);
    }

    [Fact]
    public void Subject_OfProposal_NamesCppccAndKeepsNumberAsImported()
    {
        var reminder = MailSamples.LeadReminder().WithItem(i => i with { Key = new Proposals.Domain.Ledger.ItemKey(Proposals.Domain.Ledger.ItemKind.Cppcc, i.Key.Session, "20190007") });

        Assert.Equal("【催办】政协提案 十五届一次 第20190007号 距办理期限还有3天", MailSamples.Composer().Compose(reminder).Subject);
    }

    [Fact]
    public void RawMessage_IsSevenBit_WithSubjectAsEncodedWords_ThatDecodeIntact()
    {
        var raw = Raw(MailSamples.Composer().Compose(MailSamples.LeadReminder()));

        Assert.All(raw, b => Assert.True(b < 0x80, $"byte 0x{b:x2} is not ASCII"));
        var text = Encoding.ASCII.GetString(raw);
        var subjectHeader = Regex.Match(text, @"^Subject:(.*(?:\r\n[ \t].*)*)", RegexOptions.Multiline).Groups[1].Value;
        Assert.Matches(@"(?i)=\?utf-8\?b\?", subjectHeader);
        var decoded = MimeMessage.Load(new MemoryStream(raw));
        Assert.Equal("【催办】人大代表建议 十五届一次 第0012号 距办理期限还有3天", decoded.Subject);
        Assert.Equal("金融发展处", decoded.To.Mailboxes.Single().Name);
        Assert.Equal("市金融局综合处", decoded.From.Mailboxes.Single().Name);
    }

    [Fact]
    public void Bodies_GiveEveryFieldTheDivisionNeeds()
    {
        var decoded = RoundTrip(MailSamples.Composer().Compose(MailSamples.LeadReminder()));

        foreach (var body in new[] { decoded.TextBody, decoded.HtmlBody })
        {
            Assert.NotNull(body);
            foreach (var expected in new[]
            {
                "0012", "十五届一次", "关于加快发展普惠金融支持小微企业的建议", "张伟、李娜", "金融发展处",
                "综合处、法规处", "2019年7月1日", "2019年10月8日", "3天", "综合处 王芳",
                "wangfang@jrj.example.gov.cn", "0451-86661234",
            })
                Assert.Contains(expected, body);
        }
        Assert.Contains("请于2019年10月8日前答复代表", decoded.TextBody);
    }

    [Fact]
    public void Bodies_OfCoDivision_AskForWrittenInputToTheLeadDivision()
    {
        var decoded = RoundTrip(MailSamples.Composer().Compose(MailSamples.CoReminder()));

        Assert.Contains("请于2019年8月1日前将书面协办意见送主办处室金融发展处", decoded.TextBody);
        Assert.Contains("请于2019年8月1日前将书面协办意见送主办处室金融发展处", decoded.HtmlBody);
        Assert.DoesNotContain("答复代表", decoded.TextBody);
    }

    [Fact]
    public void Bodies_OfOverdueItem_AskForTheReplyAsSoonAsPossible()
    {
        var decoded = RoundTrip(MailSamples.Composer().Compose(MailSamples.LeadReminder(-5, "overdue-5")));

        Assert.Contains("已超过办理期限5天", decoded.TextBody);
        Assert.Contains("期限2019年10月8日已过，请尽快答复代表", decoded.TextBody);
        Assert.Contains("期限2019年10月8日已过，请尽快答复代表", decoded.HtmlBody);
    }

    [Fact]
    public void Bodies_OfExtendedItem_ShowTheOriginalDueDate()
    {
        var reminder = MailSamples.LeadReminder().WithItem(i => i with { Extension = new Proposals.Domain.Ledger.Extension(new DateOnly(2019, 12, 9), null) }).WithDueOn(new DateOnly(2019, 12, 9));

        var decoded = RoundTrip(MailSamples.Composer().Compose(reminder));

        Assert.Contains("2019年12月9日（已延期，原期限2019年10月8日）", decoded.TextBody);
    }

    [Fact]
    public void HtmlBody_EscapesMarkupInValues_WhileTextBodyKeepsThem()
    {
        var reminder = MailSamples.LeadReminder().WithItem(i => i with { Title = "关于<script>alert(1)</script>&规范的建议" });

        var decoded = RoundTrip(MailSamples.Composer().Compose(reminder));

        Assert.DoesNotContain("<script>", decoded.HtmlBody);
        Assert.Contains("关于&lt;script&gt;alert(1)&lt;/script&gt;&amp;规范的建议", decoded.HtmlBody);
        Assert.Contains("关于<script>alert(1)</script>&规范的建议", decoded.TextBody);
    }

    [Fact]
    public void Message_HasTextAndHtmlAlternatives_AndAutoSubmittedHeader()
    {
        var decoded = RoundTrip(MailSamples.Composer().Compose(MailSamples.LeadReminder()));

        var mixed = Assert.IsType<Multipart>(decoded.Body);
        Assert.Equal("mixed", mixed.ContentType.MediaSubtype);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Equal("auto-generated", decoded.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void Cc_CarriesTheCopiedAddresses_OnceEach_AndNotTheAddressee()
    {
        var reminder = MailSamples.LeadReminder(-2, "overdue-1") with { Cc = ["head@jrj.example.gov.cn", "wangfang@jrj.example.gov.cn", "HEAD@jrj.example.gov.cn", "fazhan@jrj.example.gov.cn"] };

        var message = MailSamples.Composer().Compose(reminder);

        Assert.Equal(["head@jrj.example.gov.cn", "wangfang@jrj.example.gov.cn"], message.Cc.Mailboxes.Select(m => m.Address).ToArray());
    }

    [Fact]
    public void Compose_Throws_WhenDivisionAddressIsInvalid()
    {
        var reminder = MailSamples.LeadReminder() with { To = "金融发展处" };

        var error = Assert.Throws<FormatException>(() => MailSamples.Composer().Compose(reminder));

        Assert.Contains("金融发展处", error.Message);
    }

    [Fact]
    public void ReplyTo_IsSet_WhenConfigured()
    {
        var options = MailSamples.Options();
        options.ReplyTo = "wangfang@jrj.example.gov.cn";

        var message = MailSamples.Composer(options).Compose(MailSamples.LeadReminder());

        Assert.Equal("wangfang@jrj.example.gov.cn", message.ReplyTo.Mailboxes.Single().Address);
    }

    internal static byte[] Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }

    internal static MimeMessage RoundTrip(MimeMessage message) => MimeMessage.Load(new MemoryStream(Raw(message)));
}
