using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Cli;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reporting;
using static Proposals.Tests.Infrastructure.EnumValues;

namespace Proposals.Tests.Reporting;

/// <summary>
/// Every kind of report period, every kind of item in a session's name and every delivery result has its
/// own reading; a value outside the enum is refused, not taken for the last one.
/// </summary>
public sealed class ReportEnumSwitchFacts
{
    public static TheoryData<ReportPeriodKind> EveryPeriodKind => All<ReportPeriodKind>();
    public static TheoryData<ItemKind> EveryItemKind => All<ItemKind>();
    public static TheoryData<string> EveryDeliveryResult => Names<DeliveryResult>();

    // Each kind's period for the reports of 2025: November's monthly one, and the year's final one.
    private static ReportPeriod Period(ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Monthly => ReportPeriod.MonthOf(new DateOnly(2025, 11, 3)),
        ReportPeriodKind.Annual => ReportPeriod.Annual(2025),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a period kind these facts do not cover yet"),
    };

    [Theory]
    [MemberData(nameof(EveryPeriodKind))]
    public void PeriodKind_HasItsOwnCode_SendMonthAndDate_ReadBack(ReportPeriodKind kind)
    {
        var period = Period(kind);
        Assert.Equal(kind, period.Kind);
        AssertOwn(kind, k => Period(k).Code);
        AssertOwn(kind, k => Period(k).SendMonth);
        AssertOwn(kind, k => Period(k).AsOf(new DateOnly(2025, 11, 3)));
        Assert.Equal(period, ReportPeriod.Parse(period.Code));
    }

    [Theory]
    [InlineData(ReportPeriodKind.Monthly, "2025-11", "2025-11-01", "2025-11-03")]
    [InlineData(ReportPeriodKind.Annual, "2025-annual", "2026-01-01", "2025-12-31")]
    public void PeriodKind_ReadsAsItsMonthOrItsYear(ReportPeriodKind kind, string code, string sendMonth, string asOf)
    {
        var period = Period(kind);
        Assert.Equal(code, period.Code);
        Assert.Equal(DateOnly.Parse(sendMonth, System.Globalization.CultureInfo.InvariantCulture), period.SendMonth);
        Assert.Equal(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), period.AsOf(new DateOnly(2025, 11, 3)));
    }

    [Theory]
    [MemberData(nameof(EveryItemKind))]
    public void ItemKind_NamesItsOwnSession(ItemKind kind)
    {
        AssertOwn(kind, k => SessionName.Of(k, "十五届一次"));
        // A session written with its body is named only for that body's items; the others keep it as written.
        AssertOwn(kind, k => SessionName.Of(k, "十五届人大二次"));
    }

    [Fact]
    public void ItemKind_Undefined_IsRefused_InSessionNames()
    {
        var kind = Undefined<ItemKind>();
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionName.Of(kind, "十五届一次"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionName.Of(kind, "十五届人大二次"));
    }

    [Theory]
    [MemberData(nameof(EveryDeliveryResult))]
    public void DeliveryResult_HasItsOwnLine(string name)
    {
        AssertOwn(Enum.Parse<DeliveryResult>(name), r => ReportSendCommand.Line(new DeliveryReport(ReportPeriod.Annual(2025), r, "detail", null)));
    }

    // How the scheduled job ends for each result: null when it ends quietly, else the exception that
    // Hangfire retries (the server could not take it now) or does not (refused).
    private static Type? JobEnding(DeliveryResult result) => result switch
    {
        DeliveryResult.Sent or DeliveryResult.AlreadyDone => null,
        DeliveryResult.StillOwed => typeof(TransientSendException),
        DeliveryResult.Failed => typeof(PermanentSendException),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "a delivery result these facts do not cover yet"),
    };

    [Theory]
    [MemberData(nameof(EveryDeliveryResult))]
    public void DeliveryResult_EndsTheScheduledJob_ItsOwnWay(string name)
    {
        var result = Enum.Parse<DeliveryResult>(name);
        using var log = new LogCapture();
        var thrown = Xunit.Record.Exception(() =>
            RateReportJob.Conclude(new DeliveryReport(ReportPeriod.Annual(2025), result, "250 OK", null), log.CreateLogger("job")));
        Assert.Equal(JobEnding(result), thrown?.GetType());
        // Only a report already done is logged here; a sent one was logged by the delivery.
        Assert.Equal(result == DeliveryResult.AlreadyDone, log.Lines.Any(l => l.Message.Contains("250 OK", StringComparison.Ordinal)));
    }

    [Fact]
    public void DeliveryResult_Undefined_IsRefused()
    {
        var report = new DeliveryReport(ReportPeriod.Annual(2025), Undefined<DeliveryResult>(), "detail", null);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportSendCommand.Line(report));
        using var log = new LogCapture();
        Assert.Throws<ArgumentOutOfRangeException>(() => RateReportJob.Conclude(report, log.CreateLogger("job")));
    }
}
