using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Proposals.Mail;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Mail;

/// <summary>Messages sent to a real SMTP server (smtp4dev) arrive intact.</summary>
[Collection(Smtp4devCollection.Name)]
public sealed class Smtp4devDeliveryTests(Smtp4dev smtp4dev) : IAsyncLifetime
{
    public Task InitializeAsync() => smtp4dev.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reminder_Arrives_WithChineseSubjectNamesAndCalendarIntact()
    {
        var message = MailSamples.Composer().Compose(MailSamples.LeadReminder());

        await using (var session = await Transport().OpenAsync())
            Assert.IsType<SendOutcome.Sent>(await session.SendAsync(message));

        var listed = Assert.Single(await smtp4dev.GetMessagesAsync());
        Assert.Equal("【催办】人大代表建议 十五届一次 第0012号 距办理期限还有3天", listed.Subject);
        var raw = await smtp4dev.GetRawAsync(listed.Id);
        var headers = Encoding.Latin1.GetString(raw).Split("\r\n\r\n", 2)[0];
        Assert.All(headers, c => Assert.True(c < 0x80, $"raw 8-bit header character 0x{(int)c:x2}"));
        Assert.Matches(new Regex(@"^Subject: =\?utf-8\?b\?", RegexOptions.Multiline | RegexOptions.IgnoreCase), headers);

        var arrived = MimeMessage.Load(new MemoryStream(raw));
        Assert.Equal(message.Subject, arrived.Subject);
        Assert.Equal(message.MessageId, arrived.MessageId);
        Assert.Equal("金融发展处", arrived.To.Mailboxes.Single().Name);
        Assert.Contains("关于加快发展普惠金融支持小微企业的建议", arrived.TextBody);
        Assert.Contains("关于加快发展普惠金融支持小微企业的建议", arrived.HtmlBody);
        var ics = Assert.IsAssignableFrom<MimePart>(arrived.Attachments.Single());
        Assert.Equal("due.ics", ics.FileName);
        Assert.Contains("DTSTART;VALUE=DATE:20191008", Decode(ics));
    }

    [Fact]
    public async Task Batch_ArrivesWhole()
    {
        var composer = MailSamples.Composer();

        await using (var session = await Transport().OpenAsync())
            foreach (var reminder in new[] { MailSamples.LeadReminder(), MailSamples.CoReminder(), MailSamples.LeadReminder(-2, "overdue-2") })
                Assert.IsType<SendOutcome.Sent>(await session.SendAsync(composer.Compose(reminder)));

        var subjects = (await smtp4dev.GetMessagesAsync()).Select(m => m.Subject).Order().ToArray();
        Assert.Equal(
            new[]
            {
                "【催办】人大代表建议 十五届一次 第0012号 协办意见距反馈期限还有5天",
                "【催办】人大代表建议 十五届一次 第0012号 距办理期限还有3天",
                "【督办】人大代表建议 十五届一次 第0012号 已超期2天",
            }.Order(),
            subjects);
    }

    [Fact]
    public async Task Report_Arrives_ToTheCoordinator_WithTheWorkbookAndItsChineseName()
    {
        var workbook = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var message = new ReportMessageComposer(MailSamples.Options()).Compose(
            "2019年10月建议提案办理情况月报", "<p>办复率 <b>83.33%</b></p>", "办复率 83.33%", workbook, "2019年10月办理情况.xlsx", key: "2019-10");

        await using (var session = await Transport().OpenAsync())
            Assert.IsType<SendOutcome.Sent>(await session.SendAsync(message));

        var listed = Assert.Single(await smtp4dev.GetMessagesAsync());
        var arrived = MimeMessage.Load(new MemoryStream(await smtp4dev.GetRawAsync(listed.Id)));
        Assert.Equal("2019年10月建议提案办理情况月报", arrived.Subject);
        Assert.Equal("wangfang@jrj.example.gov.cn", arrived.To.Mailboxes.Single().Address);
        Assert.Contains("<b>83.33%</b>", arrived.HtmlBody);
        var attachment = Assert.IsAssignableFrom<MimePart>(arrived.Attachments.Single());
        Assert.Equal("2019年10月办理情况.xlsx", attachment.FileName);
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        Assert.Equal(workbook, bytes.ToArray());
    }

    private SmtpMailTransport Transport() => new(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = smtp4dev.SmtpPort,
        Security = SmtpSecurity.None,
        TimeoutSeconds = 30,
    });

    private static string Decode(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }
}
