using System.Globalization;
using Proposals.Worker.Import;

namespace Proposals.Worker.Desk;

/// <summary>The previews of an upload refused before its rows are read: each one problem, said where and why.</summary>
internal static class UploadRefusals
{
    /// <summary>No file was chosen.</summary>
    public static ImportPreview NoFile(string kind) =>
        ImportPreview.Refused(kind, "文件", "未选择文件, 未写入任何数据 (no file was chosen; nothing was written)");

    /// <summary>Larger than Import:MaxUploadMegabytes.</summary>
    public static ImportPreview TooBig(string kind, long bytes, ImportOptions options) =>
        ImportPreview.Refused(kind, "文件", string.Create(CultureInfo.InvariantCulture,
            $"文件大小 {bytes / 1024.0 / 1024.0:0.0} MB 超过上限 {options.MaxUploadMegabytes} MB（Import:MaxUploadMegabytes），未写入任何数据 " +
            $"(the file is {bytes / 1024.0 / 1024.0:0.0} MB, over the limit of {options.MaxUploadMegabytes} MB, Import:MaxUploadMegabytes; nothing was written)"));

    /// <summary>Not a .csv or .xlsx.</summary>
    public static ImportPreview NotSpreadsheet(string kind, string fileName) =>
        ImportPreview.Refused(kind, "文件", $"{fileName} 不是电子表格: 只能导入 .xlsx 或 .csv 文件，未写入任何数据 " +
            $"({fileName} is not a spreadsheet: only .xlsx or .csv files can be imported; nothing was written)");
}
