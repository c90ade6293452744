using Microsoft.Extensions.Logging;
using Proposals.Domain.Rates;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reporting;

/// <summary>
/// Sends one scheduled rate report, once: claims its period, builds the figures, writes them to
/// the reports folder and emails them to the coordinator (the HTML tables in the body, the
/// workbook attached), then records the outcome. The recurring jobs and <c>proposals report send</c>
/// both come here.
/// </summary>
internal sealed class ReportDelivery(
    ItemStore items, ReportRunStore runs, IMailTransport transport, ReportMessageComposer composer,
    ReportFiles files, ReportOptions options, LedgerOptions ledger, SentYearReport sentYears, ILogger<ReportDelivery> logger)
{
    /// <summary>After this long in sending, a claim is taken to belong to a process that died.</summary>
    public static readonly TimeSpan ClaimLapse = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Sends <paramref name="period"/> unless it was sent already; <paramref name="reportDay"/> is today in the bureau's zone.
    /// One whose outcome was uncertain goes again only when the coordinator asks (`report send --again`).
    /// </summary>
    public Task<DeliveryReport> DeliverAsync(ReportPeriod period, DateOnly reportDay, CancellationToken cancellationToken = default) =>
        DeliverAsync(period, reportDay, again: false, cancellationToken);

    /// <summary>As <see cref="DeliverAsync(ReportPeriod, DateOnly, CancellationToken)"/>; <paramref name="again"/> resends an uncertain one.</summary>
    public async Task<DeliveryReport> DeliverAsync(ReportPeriod period, DateOnly reportDay, bool again, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var claim = await runs.ClaimAsync(period.Code, ClaimLapse, again, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            var run = await runs.FindAsync(period.Code, cancellationToken).ConfigureAwait(false);
            var why = run?.State switch
            {
                ReportRunStore.Sent => $"已于 {Shown(run.FinishedAt)} 发送 (already sent): {run.Detail}",
                ReportRunStore.Uncertain => $"已于 {Shown(run.FinishedAt)} 发出但结果不明, 可能已送达; 确认未收到后用 `proposals report send --period {period.Code} --again` 重发 " +
                    $"(sent, outcome unknown, it may have arrived; after checking it did not, send it again with --again): {run.Detail}",
                _ => $"另一进程正在发送, 始于 {Shown(run?.StartedAt)} (another process is sending it)",
            };
            return new DeliveryReport(period, DeliveryResult.AlreadyDone, why, null);
        }

        MimeKit.MimeMessage message;
        string folder;
        YearReport report;
        try
        {
            report = await YearReportSource.BuildAsync(items, period.FiguresYear, period.AsOf(reportDay), options.Rates, cancellationToken).ConfigureAwait(false);
            var rendered = RenderedReport.Of(period, report, files.Paragraph(report));
            folder = files.Write(rendered);
            message = composer.Compose(rendered.Subject, rendered.Html, rendered.Text, rendered.Workbook, rendered.WorkbookName, key: period.Code);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The period must not stay claimed by a report that was never sent.
            await runs.MarkFailedAsync(claim, $"报告未生成 (report not built): {e.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        SendOutcome outcome;
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            outcome = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Sessions report failures as outcomes; anything else (the pickup folder cannot be created) leaves the period claimable.
            await runs.MarkFailedAsync(claim, $"未发送 (not sent): {e.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                var detail = $"Message-ID <{message.MessageId}>; {sent.ServerReply}; 文件 (files) {folder}";
                if (!await runs.MarkSentAsync(claim, detail, CancellationToken.None).ConfigureAwait(false))
                    ReportLog.SentAfterLapse(logger, period.Code);
                // A sent year is closed: what it said is kept, for a later report to be held against.
                await sentYears.KeepAsync(period, report, options.Rates, CancellationToken.None).ConfigureAwait(false);
                ReportLog.Sent(logger, period.Code, detail);
                return new DeliveryReport(period, DeliveryResult.Sent, detail, folder);
            case SendOutcome.Unavailable unavailable:
                await runs.MarkFailedAsync(claim, $"邮件无法发出, 将重试 (mail cannot leave, will retry): {unavailable.Reason}", CancellationToken.None).ConfigureAwait(false);
                ReportLog.StillOwed(logger, period.Code, unavailable.Reason);
                return new DeliveryReport(period, DeliveryResult.StillOwed, unavailable.Reason, folder);
            case SendOutcome.Transient transient:
                await runs.MarkFailedAsync(claim, $"暂时无法发送, 将重试 (transient, will retry): {transient.Reason}", CancellationToken.None).ConfigureAwait(false);
                ReportLog.StillOwed(logger, period.Code, transient.Reason);
                return new DeliveryReport(period, DeliveryResult.StillOwed, transient.Reason, folder);
            case SendOutcome.Uncertain uncertain:
                // It may have reached the coordinator: never sent again by itself (a daily job, a restart), only by `report send --again`.
                await runs.MarkUncertainAsync(claim, $"结果不明, 可能已送达 (unknown outcome; it may have been delivered): {uncertain.Reason}", CancellationToken.None).ConfigureAwait(false);
                ReportLog.Refused(logger, period.Code, uncertain.Reason);
                return new DeliveryReport(period, DeliveryResult.Failed, uncertain.Reason, folder);
            case SendOutcome.Permanent permanent:
                await runs.MarkFailedAsync(claim, permanent.Reason, CancellationToken.None).ConfigureAwait(false);
                ReportLog.Refused(logger, period.Code, permanent.Reason);
                return new DeliveryReport(period, DeliveryResult.Failed, permanent.Reason, folder);
            default:
                throw new InvalidOperationException($"unknown send outcome {outcome}");
        }
    }

    private string Shown(DateTimeOffset? at) => at is { } instant ? ledger.Shown(instant) : "";
}

/// <summary>What became of one report.</summary>
/// <param name="Period">The period.</param>
/// <param name="Result">Sent, already done, still owed or failed.</param>
/// <param name="Detail">The server's reply, or why not.</param>
/// <param name="Folder">Where the files were written; null when nothing was built.</param>
internal sealed record DeliveryReport(ReportPeriod Period, DeliveryResult Result, string Detail, string? Folder);

/// <summary>The end of one delivery attempt.</summary>
internal enum DeliveryResult
{
    /// <summary>The mail server accepted it.</summary>
    Sent,

    /// <summary>Sent before, or being sent by another process: nothing done.</summary>
    AlreadyDone,

    /// <summary>The server could not take it now; the period can be claimed again.</summary>
    StillOwed,

    /// <summary>The server refused it for good; recorded with its words, the period can be claimed again once fixed.</summary>
    Failed,
}
