using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Logging;
using Proposals.Domain.Rates;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Jobs;

/// <summary>
/// The scheduled rate reports (办复率月报与年度报告). Both recurring jobs run every day at
/// Reports:SendAt and decide for themselves: the report of the current period is sent from the
/// first working day of its month until the month's end, once. So the run on the first working day
/// sends it, a later run ("Trigger now" in the dashboard, or the run at start-up after the worker
/// was down) sends it only if it was missed, and any further run sends nothing.
/// </summary>
internal sealed class RateReportJob(
    ReportDelivery delivery, CalendarSource calendars, ReportOptions options, LedgerOptions ledger, TimeProvider clock, ILogger<RateReportJob> logger)
{
    public const string MonthlyId = "rate-report-monthly";
    public const string YearlyId = "rate-report-yearly";

    // No Hangfire lock: runs of several workers at once are safe (the period's claim lets one of them
    // send), and a lock left by a killed worker would hold up the others for its whole timeout.

    /// <summary>The monthly report: this year's figures as of today (in January, last year's).</summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [60, 300, 900, 1800, 3600, 3600, 3600, 3600, 3600, 3600], OnlyOn = [typeof(TransientSendException)])]
    [JobDisplayName("办复率月报")]
    public Task MonthlyAsync(CancellationToken cancellationToken) => RunAsync(ReportPeriod.MonthOf, cancellationToken);

    /// <summary>The year's final report, in January: last year's figures as of 31 December and the paragraph.</summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [60, 300, 900, 1800, 3600, 3600, 3600, 3600, 3600, 3600], OnlyOn = [typeof(TransientSendException)])]
    [JobDisplayName("年度办理情况报告")]
    public Task YearlyAsync(CancellationToken cancellationToken) => RunAsync(ReportPeriod.AnnualSentIn, cancellationToken);

    private async Task RunAsync(Func<DateOnly, ReportPeriod> periodOf, CancellationToken cancellationToken)
    {
        var now = ledger.LocalNow(clock);
        var today = DateOnly.FromDateTime(now);
        var period = periodOf(today);
        var calendar = await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!period.IsDue(now, options.SendTime, calendar))
        {
            ReportLog.NotDue(logger, period.Code, now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                period.DueOn(calendar).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), options.SendAt);
            return;
        }
        var report = await delivery.DeliverAsync(period, today, cancellationToken).ConfigureAwait(false);
        Conclude(report, logger);
    }

    /// <summary>
    /// Ends the run as the delivery ended: quietly when sent or already done, by a retried exception
    /// when the server could not take it now, by one Hangfire does not retry when it was refused.
    /// </summary>
    internal static void Conclude(DeliveryReport report, ILogger logger)
    {
        var code = report.Period.Code;
        switch (report.Result)
        {
            case DeliveryResult.Sent:
                break; // the delivery logged the server's reply
            case DeliveryResult.AlreadyDone:
                ReportLog.AlreadyDone(logger, code, report.Detail);
                break;
            case DeliveryResult.StillOwed:
                throw new TransientSendException($"报告 {code}: {report.Detail}");
            case DeliveryResult.Failed:
                throw new PermanentSendException($"报告 {code}: {report.Detail}");
            default:
                throw new ArgumentOutOfRangeException(nameof(report), report.Result, null);
        }
    }
}
