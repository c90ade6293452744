using System.Text;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Reporting;

namespace Proposals.Worker.Cli;

/// <summary>
/// The four forms of <c>proposals list</c>: a table for the terminal (one line per item, titles shortened),
/// JSON for scripts, and CSV and a workbook with every fact in full. Items are streamed, never all held.
/// </summary>
internal static class ListOutput
{
    private const string SheetName = "台账";
    private const int TitleWidth = 24;

    private static readonly CsvWriterOptions CsvOptions = new()
    {
        WriteByteOrderMark = true,
        // A title that starts like a formula (=, +, -, @) must stay text when a spreadsheet opens the file.
        Injection = CsvInjection.Escape,
    };

    /// <summary>Writes the items in <paramref name="format"/> to the terminal (or whatever standard output is).</summary>
    public static async Task ToConsoleAsync(string format, TextWriter output, IAsyncEnumerable<StoredItem> items, DateOnly asOf, CancellationToken cancel)
    {
        switch (format)
        {
            case "json":
                await WriteJsonAsync(items, asOf, chunk => output.WriteAsync(Encoding.UTF8.GetString(chunk.Span)), cancel).ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                break;
            case "csv":
                // No byte-order mark on standard output: it would be the first "character" of a pipe.
                var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
                await using (csv.ConfigureAwait(false)) await WriteCsvAsync(csv, items, asOf, cancel).ConfigureAwait(false);
                break;
            default:
                var count = await WriteTableAsync(output, items, asOf, cancel).ConfigureAwait(false);
                await output.WriteLineAsync(Summary(count, asOf)).ConfigureAwait(false);
                break;
        }
        await output.FlushAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>Writes the items in <paramref name="format"/> to a file's stream; returns how many were written.</summary>
    public static async Task<int> ToFileAsync(string format, Stream stream, IAsyncEnumerable<StoredItem> items, DateOnly asOf, CancellationToken cancel)
    {
        switch (format)
        {
            case "json":
                var written = 0;
                await WriteJsonAsync(Counted(items, () => written++), asOf, chunk => stream.WriteAsync(chunk).AsTask(), cancel).ConfigureAwait(false);
                await stream.WriteAsync("\n"u8.ToArray(), cancel).ConfigureAwait(false);
                return written;
            case "csv":
                var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true);
                await using (csv.ConfigureAwait(false)) return await WriteCsvAsync(csv, items, asOf, cancel).ConfigureAwait(false);
            case "xlsx":
                return await Task.Run(() => WriteXlsx(stream, items, asOf, cancel), cancel).ConfigureAwait(false);
            default:
                var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                await using (writer.ConfigureAwait(false))
                {
                    var count = await WriteTableAsync(writer, items, asOf, cancel).ConfigureAwait(false);
                    await writer.WriteLineAsync(Summary(count, asOf)).ConfigureAwait(false);
                    return count;
                }
        }
    }

    private static string Summary(int count, DateOnly asOf) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"共 {count} 件 ({count} item(s)), 截至 {CliDate.Iso(asOf)}");

    private static async Task<int> WriteTableAsync(TextWriter output, IAsyncEnumerable<StoredItem> items, DateOnly asOf, CancellationToken cancel)
    {
        var table = new TextTable("类别", "届次", "编号", "标题", "承办方式", "主办处室", "协办处室", "交办日期", "办理期限", "答复日期", "状态");
        await foreach (var stored in items.WithCancellation(cancel).ConfigureAwait(false))
        {
            var i = stored.Item;
            var round = i.RoundOn(asOf);
            var due = CliDate.Iso(i.LeadDueOn(round)) +
                (round == HandlingRound.Rehandling ? " (重新办理)" : i.Extension is null ? "" : " (延期)");
            var status = i.StatusOn(asOf).ChineseName() + (i.IsOverdue(asOf) ? " (超期)" : "") + (i.IsReturnLate ? " (超期退回)" : "");
            table.Add(i.Key.Kind.ShortName(), i.Key.Session, i.Key.Number, Shorten(TableCell.OneLine(i.Title), TitleWidth),
                i.BureauRole.ChineseName(), i.LeadDivision, string.Join("、", i.CoDivisions), CliDate.Iso(i.AssignedOn), due,
                i.RepliedOn is { } r ? CliDate.Iso(r) : "", status);
        }
        table.WriteTo(output);
        return table.Count;
    }

    // Streamed: a ledger of a million items is written without holding it in memory. The writer's
    // buffer is handed on between tokens, so a chunk never splits a character.
    private static async Task WriteJsonAsync(IAsyncEnumerable<StoredItem> items, DateOnly asOf, Func<ReadOnlyMemory<byte>, Task> emit, CancellationToken cancel)
    {
        var buffer = new MemoryStream();
        var json = new Utf8JsonWriter(buffer, ItemJson.WriterOptions);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartArray();
            await foreach (var stored in items.WithCancellation(cancel).ConfigureAwait(false))
            {
                ItemJson.Write(json, stored.Item, asOf);
                if (json.BytesPending + buffer.Length > 1 << 16) await FlushAsync().ConfigureAwait(false);
            }
            json.WriteEndArray();
            await FlushAsync().ConfigureAwait(false);
        }

        async Task FlushAsync()
        {
            await json.FlushAsync(cancel).ConfigureAwait(false);
            await emit(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
            buffer.SetLength(0);
        }
    }

    private static async Task<int> WriteCsvAsync(CsvWriter csv, IAsyncEnumerable<StoredItem> items, DateOnly asOf, CancellationToken cancel)
    {
        var count = 0;
        await csv.WriteRecordAsync([.. ItemSheet.Headings], cancel).ConfigureAwait(false);
        await foreach (var stored in items.WithCancellation(cancel).ConfigureAwait(false))
        {
            await csv.WriteRecordAsync([.. ItemSheet.Columns.Select(c => c.Text(stored.Item, asOf))], cancel).ConfigureAwait(false);
            count++;
        }
        await csv.FlushAsync(cancel).ConfigureAwait(false);
        return count;
    }

    private static int WriteXlsx(Stream stream, IAsyncEnumerable<StoredItem> items, DateOnly asOf, CancellationToken cancel)
    {
        var count = 0;
        var rows = items.ToBlockingEnumerable(cancel).Select(stored =>
        {
            count++;
            return ItemSheet.Columns.ToDictionary(c => c.Heading, c => Cell(c.Value(stored.Item, asOf)));
        });
        // An empty listing still gets its headings; rows are streamed otherwise.
        var sheet = new Dictionary<string, object> { [SheetName] = WithHeadings(rows) };
        stream.SaveAs(sheet, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration
        {
            DynamicColumns = [.. ItemSheet.Columns.Where(IsDateColumn).Select(c => new DynamicExcelColumn(c.Heading) { Format = "yyyy-mm-dd" })],
        });
        return count;
    }

    private static object WithHeadings(IEnumerable<Dictionary<string, object?>> rows)
    {
        // The same enumerator goes on after the peek: enumerating the rows again would query the ledger again.
        var peek = rows.GetEnumerator();
        if (peek.MoveNext()) return From(peek);
        peek.Dispose();
        var empty = new System.Data.DataTable();
        foreach (var heading in ItemSheet.Headings) empty.Columns.Add(heading, typeof(string));
        return empty;

        static IEnumerable<Dictionary<string, object?>> From(IEnumerator<Dictionary<string, object?>> started)
        {
            using (started)
            {
                do yield return started.Current;
                while (started.MoveNext());
            }
        }
    }

    // Dates are real dates in the workbook, so that Excel sorts and filters them as dates.
    private static object? Cell(object? value) => value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : value;

    private static bool IsDateColumn(ItemColumn column) => column.Heading.EndsWith("日期", StringComparison.Ordinal) || column.Heading.EndsWith("期限", StringComparison.Ordinal) || column.Heading == "延期至";

    private static async IAsyncEnumerable<StoredItem> Counted(IAsyncEnumerable<StoredItem> items, Action counted)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            counted();
            yield return item;
        }
    }

    private static string Shorten(string text, int width)
    {
        if (TextTable.Width(text) <= width) return text;
        var kept = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (TextTable.Width(kept.ToString() + rune) > width - 1) break;
            kept.Append(rune.ToString());
        }
        return kept.Append('…').ToString();
    }
}
