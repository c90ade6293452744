using System.Net.Mail;
using Proposals.Domain.Ledger;

namespace Proposals.Worker.Import;

/// <summary>Reads the list of divisions (处室名单): name, email and the head's email.</summary>
public static class DivisionFile
{
    private static readonly ColumnSpec Name = new("处室", "name", Required: true);
    private static readonly ColumnSpec Email = new("邮箱", "email", Required: true);
    private static readonly ColumnSpec HeadEmail = new("负责人邮箱", "head_email");
    private static readonly ColumnSpec[] Columns = [Name, Email, HeadEmail];

    /// <summary>Reads a .csv or .xlsx division list; every row, or every problem.</summary>
    /// <exception cref="ImportFileException">The file cannot be read at all.</exception>
    public static ImportResult<Division> Read(string path)
    {
        var sheet = LedgerSheet.Read(path);
        var header = HeaderMap.Find(sheet, Columns, path);
        var problems = new List<ImportProblem>();
        var divisions = new List<Division>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var sheetRow in sheet.Where(r => r.Number > header.RowNumber && !r.IsEmpty))
        {
            var row = new LedgerRow(sheetRow, header, problems);
            var name = row.Required(Name);
            var email = Address(row, Email, required: true);
            var head = Address(row, HeadEmail, required: false);
            if (name is not null && !firstRowOf.TryAdd(name, row.Number))
            {
                row.Problem(Name, $"处室重复: {CellText.Quote(name)}（第 {firstRowOf[name]} 行已有）");
            }
            if (!row.HasProblems) divisions.Add(new Division(name!, email!, head));
        }

        return new ImportResult<Division>(problems.Count == 0 ? divisions : [], problems)
        {
            Notes = ImportNotes.Of(header),
            AbsentColumns = Columns.Where(c => !header.Has(c)).Select(c => c.English).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static string? Address(LedgerRow row, ColumnSpec column, bool required)
    {
        var text = required ? row.Required(column) : row.Text(column);
        if (string.IsNullOrEmpty(text)) return null;
        // MailAddress also takes "Name <a@b>" and comments; a division's cell must be the bare address.
        if (MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0)
        {
            return text;
        }
        row.Problem(column, $"邮箱格式无效: {CellText.Quote(text)}");
        return null;
    }
}
