namespace Proposals.Worker.Import;

/// <summary>
/// A ledger file that cannot be read at all: missing, of an unsupported type, without a header
/// or without a required column. Row-level problems are reported in <see cref="ImportResult{T}"/> instead.
/// </summary>
public sealed class ImportFileException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the cause.</summary>
    public ImportFileException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public ImportFileException(string message, Exception inner) : base(message, inner) { }
}
