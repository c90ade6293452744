using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class ReminderIdentityTests
{
    [Fact]
    public void MessageId_IsTheSame_WhenTheSameReminderIsComposedTwice()
    {
        var first = MailSamples.Composer().Compose(MailSamples.LeadReminder());
        var second = MailSamples.Composer().Compose(MailSamples.LeadReminder());

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.EndsWith("@jrj.example.gov.cn", first.MessageId);
        Assert.Matches(@"^[\x21-\x7e]+$", first.MessageId);
    }

    [Fact]
    public void MessageId_Differs_ByStageDivisionDueDateAndItem()
    {
        var composer = MailSamples.Composer();
        var baseline = MailSamples.LeadReminder();
        var ids = new[]
        {
            baseline,
            baseline.WithStage("before-10"),
            baseline.WithDivision("法规处"),
            baseline.WithDueOn(new DateOnly(2019, 12, 9)),
            baseline.WithItem(i => i with { Key = i.Key with { Number = "12" } }),
            baseline.WithItem(i => i with { Key = i.Key with { Kind = Proposals.Domain.Ledger.ItemKind.Cppcc } }),
        }.Select(r => composer.Compose(r).MessageId).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void MessageId_IgnoresWhatIsNotPartOfTheKey()
    {
        var composer = MailSamples.Composer();

        var a = composer.Compose(MailSamples.LeadReminder(daysLeft: 3));
        var b = composer.Compose(MailSamples.LeadReminder(daysLeft: 2).WithItem(i => i with { Title = "改过的标题" }));

        Assert.Equal(a.MessageId, b.MessageId);
    }
}
