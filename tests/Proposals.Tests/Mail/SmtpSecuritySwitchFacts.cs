using Proposals.Mail;
using Proposals.Worker.Hosting;
using static Proposals.Tests.Infrastructure.EnumValues;

namespace Proposals.Tests.Mail;

/// <summary>
/// Each Mail:Smtp:Security setting connects its own way, and the health check connects as the sender does;
/// a value outside the enum is refused, not taken for STARTTLS.
/// </summary>
public sealed class SmtpSecuritySwitchFacts
{
    public static TheoryData<SmtpSecurity> EverySecurity => All<SmtpSecurity>();

    [Theory]
    [MemberData(nameof(EverySecurity))]
    public void Security_HasItsOwnSocketOption_TheSameForHealthAndSending(SmtpSecurity security)
    {
        AssertOwn(security, SmtpConnector.Mode);
        Assert.Equal(SmtpConnector.Mode(security), HealthMailCheck.Socket(security));
    }

    [Fact]
    public void Security_Undefined_IsRefused()
    {
        var security = Undefined<SmtpSecurity>();
        Assert.Throws<ArgumentOutOfRangeException>(() => SmtpConnector.Mode(security));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthMailCheck.Socket(security));
    }
}
