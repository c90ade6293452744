using System.IO.Compression;
using System.Xml;

namespace Proposals.Worker.Import;

/// <summary>
/// The parts of an xlsx workbook the import reads, found as the Open Packaging Conventions say:
/// the package's relationships name the workbook, the workbook names its sheets in tab order, and
/// the workbook's relationships give each one's part, with the shared strings and the styles.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string _path;
    private readonly ImportOptions _options;

    private XlsxPackage(ZipArchive zip, string path, ImportOptions options)
    {
        _zip = zip;
        _path = path;
        _options = options;
    }

    /// <summary>The workbook file, for messages.</summary>
    public string Path => _path;

    /// <summary>The first sheet's part.</summary>
    public string Sheet { get; private set; } = "";

    /// <summary>The shared strings part, when the workbook has one.</summary>
    public string? SharedStrings { get; private set; }

    /// <summary>The styles part, when the workbook has one.</summary>
    public string? Styles { get; private set; }

    /// <summary>Opens the package and finds its parts.</summary>
    /// <exception cref="ImportFileException">Not a zip, or no workbook with a sheet in it.</exception>
    public static XlsxPackage Open(string path, ImportOptions options)
    {
        var zip = ZipFile.OpenRead(path);
        var package = new XlsxPackage(zip, path, options);
        try
        {
            package.Find();
            return package;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>An XML reader over a part, unpacked within the limits; it reads no DTD and resolves nothing outside the file.</summary>
    public XmlReader Read(string part)
    {
        var entry = Entry(part) ?? throw Broken($"缺少 {part}", $"{part} is missing");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            NameTable = new XlsxNameTable(part, _path),
        };
        return XmlReader.Create(new XlsxPartStream(entry.Open(), part, _path, _options), settings);
    }

    /// <summary>A package that is not the workbook it claims to be.</summary>
    public ImportFileException Broken(string what, string english) =>
        new($"无法读取 Excel 文件（文件损坏或不是 .xlsx 格式: {what}） (cannot read the Excel file, damaged or not .xlsx: {english}): {_path}");

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    private void Find()
    {
        var workbook = Relationships("_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal))?.Target
            ?? "xl/workbook.xml";
        var folder = workbook.Contains('/', StringComparison.Ordinal) ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var first = FirstSheetId(workbook) ?? throw Broken("工作簿中没有工作表", "the workbook has no sheet");
        // One pass, keeping only the three targets: a crafted list of millions of relationships is read, never held.
        foreach (var r in Relationships($"{folder}_rels/{workbook[folder.Length..]}.rels", folder))
        {
            if (r.Id == first && Sheet.Length == 0) Sheet = r.Target;
            else if (r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) SharedStrings ??= r.Target;
            else if (r.Type.EndsWith("/styles", StringComparison.Ordinal)) Styles ??= r.Target;
        }
        if (Sheet.Length == 0) throw Broken($"找不到工作表 {first}", $"no sheet {first}");
    }

    private string? FirstSheetId(string workbook)
    {
        using var reader = Read(workbook);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet") continue;
            // r:id, in the transitional or the strict relationships namespace.
            for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
            {
                if (reader.LocalName == "id" && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal)) return reader.Value;
            }
            return null;
        }
        return null;
    }

    private IEnumerable<Relationship> Relationships(string part, string folder)
    {
        if (Entry(part) is null) yield break;
        using var reader = Read(part);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
            if (reader.GetAttribute("TargetMode") == "External") continue;
            yield return new Relationship(reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", Resolve(folder, reader.GetAttribute("Target") ?? ""));
        }
    }

    // A target is relative to the folder of the part that names it, or absolute from the package root.
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    private sealed record Relationship(string Id, string Type, string Target);

    private ZipArchiveEntry? Entry(string part) =>
        _zip.GetEntry(part) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));
}
