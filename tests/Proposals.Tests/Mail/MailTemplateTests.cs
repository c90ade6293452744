using Proposals.Mail;

namespace Proposals.Tests.Mail;

/// <summary>The coordinator edits the template files; the program follows without a rebuild.</summary>
public sealed class MailTemplateTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "proposals-templates-" + Guid.NewGuid().ToString("N"));

    public MailTemplateTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.GetFiles(MailSamples.TemplatesDirectory, "*.liquid"))
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EditedSubject_IsUsed_ByTheNextMessage()
    {
        var composer = new ReminderComposer(_directory, MailSamples.Options());
        var before = composer.Compose(MailSamples.LeadReminder()).Subject;

        var subject = Path.Combine(_directory, "reminder.subject.liquid");
        File.WriteAllText(subject, "请办理：{{ kind_short }}第{{ number }}号（{{ division }}）");
        File.SetLastWriteTimeUtc(subject, DateTime.UtcNow.AddMinutes(1));
        var after = composer.Compose(MailSamples.LeadReminder()).Subject;

        Assert.Equal("【催办】人大代表建议 十五届一次 第0012号 距办理期限还有3天", before);
        Assert.Equal("请办理：建议第0012号（金融发展处）", after);
    }

    [Fact]
    public void MissingTemplate_IsNamed()
    {
        File.Delete(Path.Combine(_directory, "reminder.html.liquid"));

        var error = Assert.Throws<MailTemplateException>(() => new ReminderComposer(_directory, MailSamples.Options()));

        Assert.Contains("reminder.html.liquid", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void MalformedTemplate_IsNamed_WithTheParsersWords()
    {
        File.WriteAllText(Path.Combine(_directory, "reminder.txt.liquid"), "{% if overdue %}已超期");

        var error = Assert.Throws<MailTemplateException>(() => new ReminderComposer(_directory, MailSamples.Options()));

        Assert.Contains("reminder.txt.liquid", error.Message);
        Assert.Contains("cannot be read", error.Message);
    }

    [Fact]
    public void MissingDirectory_IsNamed()
    {
        var missing = Path.Combine(_directory, "nowhere");

        var error = Assert.Throws<MailTemplateException>(() => new ReminderComposer(missing, MailSamples.Options()));

        Assert.Contains(missing, error.Message);
    }
}
