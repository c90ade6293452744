using MimeKit;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class ReportMessageComposerTests
{
    private static readonly byte[] Workbook = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80];

    [Fact]
    public void Compose_AddressesTheCoordinator_WithHtmlTextAndWorkbook()
    {
        var message = ReminderComposerTests.RoundTrip(Composer().Compose(
            "2019年10月建议提案办理情况月报", "<p>办复率 100%</p>", "办复率 100%", Workbook, "2019年10月办理情况.xlsx"));

        Assert.Equal("wangfang@jrj.example.gov.cn", message.To.Mailboxes.Single().Address);
        Assert.Equal("2019年10月建议提案办理情况月报", message.Subject);
        Assert.Contains("<p>办复率 100%</p>", message.HtmlBody);
        Assert.Contains("办复率 100%", message.TextBody);
        var attachment = Assert.IsAssignableFrom<MimePart>(message.Attachments.Single());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", attachment.ContentType.MimeType);
        Assert.Equal("2019年10月办理情况.xlsx", attachment.FileName);
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        Assert.Equal(Workbook, bytes.ToArray());
    }

    [Fact]
    public void Compose_WithKey_GivesAStableMessageId()
    {
        var a = Composer().Compose("月报", "<p/>", "", Workbook, "r.xlsx", key: "2019-10");
        var b = Composer().Compose("月报", "<p/>", "", Workbook, "r.xlsx", key: "2019-10");

        Assert.Equal("report.2019-10@jrj.example.gov.cn", a.MessageId);
        Assert.Equal(a.MessageId, b.MessageId);
    }

    [Fact]
    public void Compose_SendsElsewhere_WhenAskedTo()
    {
        var message = Composer().Compose("月报", "<p/>", "", Workbook, "r.xlsx", to: "leader@jrj.example.gov.cn");

        Assert.Equal("leader@jrj.example.gov.cn", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public void Compose_RefusesAnInvalidRecipient() =>
        Assert.Throws<FormatException>(() => Composer().Compose("月报", "<p/>", "", Workbook, "r.xlsx", to: "综合处"));

    private static ReportMessageComposer Composer() => new(MailSamples.Options());
}
