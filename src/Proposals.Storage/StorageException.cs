namespace Proposals.Storage;

/// <summary>A database failure worth a plain message to the user (exit code 1).</summary>
public class StorageException(string message, Exception? inner = null) : Exception(message, inner);
