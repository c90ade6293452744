using System.Net.Mail;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>Reads the list of divisions (处室名单): name, email and the head's email, within the same limits as the ledger.</summary>
public static class DivisionFile
{
    private static readonly ColumnSpec Name = new("处室", "name", Required: true);
    private static readonly ColumnSpec Email = new("邮箱", "email", Required: true);
    private static readonly ColumnSpec HeadEmail = new("负责人邮箱", "head_email");
    private static readonly ColumnSpec[] Columns = [Name, Email, HeadEmail];

    /// <summary>Reads a .csv or .xlsx division list; every row, or the problems (as many as <see cref="ImportOptions.MaxProblemsReported"/>).</summary>
    /// <exception cref="ImportFileException">The file cannot be read at all, breaks a limit, or has no rows.</exception>
    public static ImportResult<Division> Read(string path, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        using var sheet = LedgerSheet.Open(path, options);
        using var rows = sheet.Rows(cancellationToken).GetEnumerator();
        var (header, afterHeader) = HeaderMap.Find(rows, Columns, path);
        var report = new ImportReport(options.MaxProblemsReported);
        var problems = new List<ImportProblem>();
        var divisions = new List<Division>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var dataRows = 0;

        foreach (var sheetRow in afterHeader.Concat(Rest(rows)))
        {
            if (sheetRow.IsEmpty) continue;
            if (++dataRows > options.MaxRows) throw ImportLimits.TooManyRows(path, sheetRow.Number, options);
            var row = new LedgerRow(sheetRow, header, problems, options.MaxFieldLength);
            var name = row.Required(Name);
            var email = Address(row, Email, required: true);
            var head = Address(row, HeadEmail, required: false);
            if (name is not null && !firstRowOf.TryAdd(name, row.Number))
            {
                row.Problem(Name, $"处室重复: {CellText.Quote(name)}（第 {firstRowOf[name]} 行已有） (duplicate division: {CellText.Quote(name)}, already in row {firstRowOf[name]})");
            }
            if (!row.HasProblems) divisions.Add(new Division(name!, email!, head));
            report.Add(problems);
            problems.Clear();
        }
        if (dataRows == 0)
        {
            throw new ImportFileException($"第 {header.RowNumber} 行表头之后没有可导入的行，未写入任何数据 (nothing to import: the file has a header but no rows): {path}");
        }

        return new ImportResult<Division>(report.ProblemCount == 0 ? divisions : [], report.Problems)
        {
            Notes = ImportNotes.Of(header),
            AbsentColumns = header.Absent(Columns),
            ProblemCount = report.ProblemCount,
            ProblemRows = report.ProblemRows,
        };
    }

    private static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> rows)
    {
        while (rows.MoveNext()) yield return rows.Current;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a bare email address, as a division's address must be (in a file or on
    /// the desk): MailAddress also takes "Name &lt;a@b&gt;" and comments.
    /// </summary>
    public static bool IsBareAddress(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;

    private static string? Address(LedgerRow row, ColumnSpec column, bool required)
    {
        var text = required ? row.Required(column) : row.Text(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (IsBareAddress(text)) return text;
        row.Problem(column, $"邮箱格式无效: {CellText.Quote(text)} (not an email address: {CellText.Quote(text)})");
        return null;
    }
}
