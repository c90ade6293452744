using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Worker.Cli;
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

    [Fact]
    public void DeliveryResult_Undefined_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ReportSendCommand.Line(new DeliveryReport(ReportPeriod.Annual(2025), Undefined<DeliveryResult>(), "detail", null)));
}
