namespace Proposals.Worker.Import;

/// <summary>
/// What an import has to tell, kept within <see cref="ImportOptions.MaxProblemsReported"/>: the first
/// problems and notes in file order, and how many more there were. The only part of an import that
/// grows with the file, and only up to the limit.
/// </summary>
internal sealed class ImportReport(int max)
{
    private readonly List<ImportProblem> _problems = [];
    private readonly List<string> _notes = [];
    private int _lastProblemRow;

    /// <summary>The problems listed, in file order.</summary>
    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>Every problem found, listed or not.</summary>
    public int ProblemCount { get; private set; }

    /// <summary>The rows with at least one problem.</summary>
    public int ProblemRows { get; private set; }

    /// <summary>The notes listed.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Every note given, listed or not.</summary>
    public int NoteCount { get; private set; }

    /// <summary>Adds the problems of a chunk of rows; they come sorted by row (a row's own problems in the order found).</summary>
    public void Add(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems.OrderBy(p => p.Row))
        {
            ProblemCount++;
            if (problem.Row != _lastProblemRow) ProblemRows++;
            _lastProblemRow = problem.Row;
            if (_problems.Count < max) _problems.Add(problem);
        }
    }

    /// <summary>Adds a note.</summary>
    public void Note(string note)
    {
        NoteCount++;
        if (_notes.Count < max) _notes.Add(note);
    }
}
