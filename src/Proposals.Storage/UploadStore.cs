using Dapper;

namespace Proposals.Storage;

/// <summary>
/// The desk's uploads (table <c>uploads</c>): each file with its preview under a random id, for an hour.
/// Saving one clears the expired ones, so the table holds at most an hour's uploads.
/// </summary>
public sealed class UploadStore(LedgerDatabase database)
{
    private const string Columns =
        "id AS Id, kind AS Kind, file_name AS FileName, content AS Content, file_wins AS FileWins, allow_renumber AS AllowRenumber, preview AS Preview, " +
        "fingerprint AS Fingerprint, uploaded_by AS UploadedBy, uploaded_at AS UploadedAt, expires_at AS ExpiresAt, confirmed_at AS ConfirmedAt";

    /// <summary>Keeps <paramref name="upload"/>; the uploads expired by its time go.</summary>
    public async Task SaveAsync(StoredUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM uploads WHERE expires_at < @Now", new { Now = upload.UploadedAt }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO uploads (id, kind, file_name, content, file_wins, allow_renumber, preview, fingerprint, uploaded_by, uploaded_at, expires_at, confirmed_at) " +
            "VALUES (@Id, @Kind, @FileName, @Content, @FileWins, @AllowRenumber, @Preview, @Fingerprint, @UploadedBy, @UploadedAt, @ExpiresAt, @ConfirmedAt)",
            upload, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The upload <paramref name="id"/> while it has not expired at <paramref name="now"/>; null otherwise.</summary>
    public async Task<StoredUpload?> FindAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<StoredUpload>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE id = @Id AND expires_at >= @Now", new { Id = id, Now = now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks upload <paramref name="id"/> confirmed at <paramref name="at"/> and lets its bytes go; false when it
    /// was confirmed already (a second click, another tab), so that one upload is written once.
    /// </summary>
    public async Task<bool> ConfirmAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET confirmed_at = @At, content = NULL WHERE id = @Id AND confirmed_at IS NULL", new { Id = id, At = at },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>Replaces the preview of upload <paramref name="id"/> (the ledger changed since it was shown).</summary>
    public async Task UpdatePreviewAsync(string id, string preview, string fingerprint, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET preview = @Preview, fingerprint = @Fingerprint WHERE id = @Id", new { Id = id, Preview = preview, Fingerprint = fingerprint },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
