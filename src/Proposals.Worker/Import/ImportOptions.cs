namespace Proposals.Worker.Import;

/// <summary>
/// The limits a ledger file must keep (section <c>Import</c>). Each default takes a real bureau's
/// ledger many times over, up to a million rows, and refuses what only a broken or hostile file
/// holds: a cell of megabytes, a column at XFD, a packed xlsx that unpacks to gigabytes.
/// </summary>
public sealed class ImportOptions
{
    /// <summary>
    /// The largest .csv or .xlsx file, in megabytes (a million ledger rows take about 200 as CSV); an
    /// .xlsx's table of texts, the one part kept in memory, may take a quarter of this.
    /// </summary>
    public int MaxFileMegabytes { get; set; } = 512;

    /// <summary>The most an .xlsx part (the sheet, its strings) may unpack to, in megabytes: a packed file of a few kilobytes can hold gigabytes.</summary>
    public int MaxUnpackedMegabytes { get; set; } = 2048;

    /// <summary>The most rows to import, the header and empty rows not counted.</summary>
    public int MaxRows { get; set; } = 1_000_000;

    /// <summary>The most columns a row may fill (a ledger has about twenty; Excel allows 16,384).</summary>
    public int MaxColumns { get; set; } = 256;

    /// <summary>
    /// The most entries an .xlsx's table of texts (shared strings) may have, empty ones counted; each
    /// costs memory while the rows are read (a million ledger rows use two or three million).
    /// </summary>
    public int MaxSharedStrings { get; set; } = 4_000_000;

    /// <summary>The most cell styles (<c>cellXfs</c>) an .xlsx may define; Excel itself allows 64,000.</summary>
    public int MaxStyles { get; set; } = 64_000;

    /// <summary>The most custom number formats (<c>numFmt</c>) an .xlsx may define; Excel allows some 250.</summary>
    public int MaxNumberFormats { get; set; } = 1000;

    /// <summary>The longest cell, in characters (a title, a name, a reason).</summary>
    public int MaxFieldLength { get; set; } = 2000;

    /// <summary>How many problems (and how many notes) an import lists before it only counts the rest.</summary>
    public int MaxProblemsReported { get; set; } = 100;

    /// <summary>
    /// The largest file the desk's import (/hangfire/import) takes, in megabytes: the upload is streamed to
    /// disk and kept in the ledger for an hour, so it is held smaller than the command line's files.
    /// </summary>
    public int MaxUploadMegabytes { get; set; } = 50;

    /// <summary>The bytes an upload may have.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>The bytes a file may have.</summary>
    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>The bytes an xlsx part may unpack to.</summary>
    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024L;

    /// <summary>The problems with these settings, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxFileMegabytes is < 1 or > 16 * 1024) yield return $"Import:MaxFileMegabytes 须为 1..16384 MB (Import:MaxFileMegabytes must be 1..16384 MB, not {MaxFileMegabytes})";
        if (MaxUploadMegabytes < 1 || MaxUploadMegabytes > Math.Min(MaxFileMegabytes, 2047)) yield return $"Import:MaxUploadMegabytes 须为 1..{Math.Min(MaxFileMegabytes, 2047)} MB, 不超过 Import:MaxFileMegabytes (Import:MaxUploadMegabytes must be 1..{Math.Min(MaxFileMegabytes, 2047)} MB, at most Import:MaxFileMegabytes, not {MaxUploadMegabytes})";
        if (MaxUnpackedMegabytes is < 1 or > 64 * 1024) yield return $"Import:MaxUnpackedMegabytes 须为 1..65536 MB (Import:MaxUnpackedMegabytes must be 1..65536 MB, not {MaxUnpackedMegabytes})";
        if (MaxRows is < 1 or > 100_000_000) yield return $"Import:MaxRows 须为 1..100000000 行 (Import:MaxRows must be 1..100000000, not {MaxRows})";
        if (MaxColumns is < 32 or > 16_384) yield return $"Import:MaxColumns 须为 32..16384 列 (Import:MaxColumns must be 32..16384 (a ledger has some twenty-six known columns and notes), not {MaxColumns})";
        if (MaxSharedStrings is < 1000 or > 100_000_000) yield return $"Import:MaxSharedStrings 须为 1000..100000000 条 (Import:MaxSharedStrings must be 1000..100000000, not {MaxSharedStrings})";
        if (MaxStyles is < 100 or > 1_000_000) yield return $"Import:MaxStyles 须为 100..1000000 个 (Import:MaxStyles must be 100..1000000, not {MaxStyles})";
        if (MaxNumberFormats is < 100 or > 100_000) yield return $"Import:MaxNumberFormats 须为 100..100000 个 (Import:MaxNumberFormats must be 100..100000, not {MaxNumberFormats})";
        if (MaxFieldLength is < 100 or > 1_000_000) yield return $"Import:MaxFieldLength 须为 100..1000000 个字符 (Import:MaxFieldLength must be 100..1000000 characters, not {MaxFieldLength})";
        if (MaxProblemsReported is < 1 or > 1_000_000) yield return $"Import:MaxProblemsReported 须为 1..1000000 (Import:MaxProblemsReported must be 1..1000000, not {MaxProblemsReported})";
    }
}
