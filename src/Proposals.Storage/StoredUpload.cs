namespace Proposals.Storage;

/// <summary>A file uploaded on the desk and the preview shown for it, kept until confirmed or expired.</summary>
public sealed class StoredUpload
{
    /// <summary>The random id the preview's page and its confirm carry.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the file holds: <c>proposals</c> or <c>divisions</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The name the browser gave the file (shown only).</summary>
    public string FileName { get; set; } = "";

    /// <summary>The file's bytes; null when it was refused before it was kept (too big, not a spreadsheet) or once confirmed.</summary>
    public byte[]? Content { get; set; }

    /// <summary>The import's <c>--file-wins</c>.</summary>
    public bool FileWins { get; set; }

    /// <summary>The import's <c>--allow-renumber</c>.</summary>
    public bool AllowRenumber { get; set; }

    /// <summary>The preview as shown (JSON).</summary>
    public string Preview { get; set; } = "";

    /// <summary>What the changes of the preview hash to: the confirm's own run must hash the same.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Who uploaded it.</summary>
    public string UploadedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>Until when it may be confirmed.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it was confirmed and written; null until then.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
}
