using MimeKit;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Sweep;

/// <summary>The sweep end to end: ledger, plan, record, compose, a real SMTP server (smtp4dev).</summary>
[Collection(Smtp4devCollection.Name)]
public sealed class SweepDeliveryTests(Smtp4dev smtp4dev) : IAsyncLifetime
{
    private TempLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        await smtp4dev.ClearAsync();
        _ledger = await SweepLedger.CreateAsync();
    }

    [Fact]
    public async Task Reminders_ArriveDecoded_WithBothBodiesAndTheCalendarFile()
    {
        var result = await new Infrastructure.Cli(SweepLedger.Smtp(smtp4dev.SmtpPort)).RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        var listed = await smtp4dev.GetMessagesAsync();
        Assert.Equal(2, listed.Count);
        var overdue = listed.Single(m => m.Subject.Contains("0027", StringComparison.Ordinal));
        Assert.Contains("政协提案", overdue.Subject);
        Assert.Contains("超期", overdue.Subject);
        var message = MimeMessage.Load(new MemoryStream(await smtp4dev.GetRawAsync(overdue.Id)));
        Assert.Equal("fuwu@finance.example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains(SweepLedger.Coordinator, message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("0027", message.TextBody);
        Assert.Contains("关于加大小微企业首贷支持力度的建议", message.HtmlBody);
        var ics = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.FileName == "due.ics");
        using var text = new StreamReader(ics.Content!.Open());
        Assert.Contains("20190927", await text.ReadToEndAsync());

        var soon = listed.Single(m => m.Subject.Contains("0012", StringComparison.Ordinal));
        Assert.Contains("人大代表建议", soon.Subject);
        Assert.Contains("8天", soon.Subject);
    }

    public Task DisposeAsync()
    {
        _ledger.Dispose();
        return Task.CompletedTask;
    }
}
