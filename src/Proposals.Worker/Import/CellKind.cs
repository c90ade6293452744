namespace Proposals.Worker.Import;

/// <summary>What a column's text may hold besides printable characters.</summary>
internal enum CellKind
{
    /// <summary>One line: names, numbers, dates, titles. Titles and names go into mail subjects, tables and headers, where a line break or an escape code breaks them.</summary>
    SingleLine,

    /// <summary>A list of names whose typist may have put each on its own line (Alt+Enter); the line breaks separate names.</summary>
    List,

    /// <summary>Free text that may run over several lines (a reason).</summary>
    MultiLine,
}
