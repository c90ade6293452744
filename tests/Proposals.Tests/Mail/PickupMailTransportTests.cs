using MimeKit;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class PickupMailTransportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "proposals-pickup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Send_WritesOneEmlPerMessage_IntoACreatedDirectory_ReadableByMimeKit()
    {
        var outbox = Path.Combine(_root, "data", "outbox");
        var composer = MailSamples.Composer();
        var messages = new[] { MailSamples.LeadReminder(), MailSamples.CoReminder(), MailSamples.LeadReminder(-1, "overdue-1") }
            .Select(composer.Compose).ToArray();

        await using (var session = await new PickupMailTransport(outbox).OpenAsync())
            foreach (var message in messages)
                Assert.IsType<SendOutcome.Sent>(await session.SendAsync(message));

        var files = Directory.GetFiles(outbox).Order().ToArray();
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f));
        var loaded = files.Select(f => MimeMessage.Load(f)).ToArray();
        Assert.Equal(messages.Select(m => m.MessageId).Order(), loaded.Select(m => m.MessageId).Order());
        Assert.Contains(loaded, m => m.Subject == "【督办】人大代表建议 十五届一次 第0012号 已超期1天");
    }

    [Fact]
    public async Task Send_SameReminderTwice_LeavesOneFile_AndNoTemporaryFiles()
    {
        var transport = new PickupMailTransport(_root);
        await using var session = await transport.OpenAsync();

        await session.SendAsync(MailSamples.Composer().Compose(MailSamples.LeadReminder()));
        await session.SendAsync(MailSamples.Composer().Compose(MailSamples.LeadReminder()));

        var file = Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Equal(PickupMailTransport.FileName(MailSamples.Composer().Compose(MailSamples.LeadReminder()).MessageId!), Path.GetFileName(file));
    }

    [Fact]
    public async Task Send_IsUnavailable_WhenTheDirectoryCannotBeCreated()
    {
        Directory.CreateDirectory(_root);
        var blocker = Path.Combine(_root, "outbox");
        await File.WriteAllTextAsync(blocker, "a file where the directory should be");
        await using var session = await new PickupMailTransport(blocker).OpenAsync();

        var outcome = await session.SendAsync(MailSamples.Composer().Compose(MailSamples.LeadReminder()));

        var transient = Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.Contains(blocker, transient.Reason);
    }

    [Theory]
    [InlineData("reminder.npc.20191008.ab12@jrj.example.gov.cn", "reminder.npc.20191008.ab12@jrj.example.gov.cn.eml")]
    [InlineData("<a/b\\c:d@x>", "a_b_c_d@x.eml")]
    public void FileName_KeepsTheMessageIdReadable_AndSafe(string messageId, string expected) =>
        Assert.Equal(expected, PickupMailTransport.FileName(messageId));
}
