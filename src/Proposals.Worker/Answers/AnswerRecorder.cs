using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Worker.Recording;

namespace Proposals.Worker.Answers;

/// <summary>
/// Records what a division's link says, once: the item as assigned now must still give the link's
/// division that action (<see cref="Assignment"/>), and the link's use is written in the fact's own
/// transaction, so that of many requests using one link at the same moment one records and the
/// others find the fact on record.
/// </summary>
internal sealed class AnswerRecorder(FactRecorder recorder, LinkUseStore used)
{
    /// <summary>Records <paramref name="fact"/> for the link <paramref name="token"/> about item <paramref name="itemId"/>.</summary>
    public async Task<AnswerOutcome> RecordAsync(AnswerToken token, long itemId, LedgerFact fact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(fact);
        RecordOutcome outcome;
        try
        {
            outcome = await recorder.RecordAsync(itemId, fact, $"{token.Division} (邮件链接)", new LinkUse(token.Nonce, itemId, token.Action.Code()), cancellationToken).ConfigureAwait(false);
        }
        catch (LinkUsedException)
        {
            return new AnswerOutcome.LinkUsed();
        }
        switch (outcome)
        {
            case RecordOutcome.NotFound notFound:
                return new AnswerOutcome.NotFound(notFound.Reason);
            case RecordOutcome.Refused refused:
                if (Assignment.Refusal(refused.Item.Item, token.Division, fact.Kind) is { } moved) return new AnswerOutcome.Reassigned(moved);
                // A twin request may have recorded through this link after this one looked: its fact,
                // not the "already replied" it makes this one's, is the answer.
                if (await used.UsedAtAsync(token.Nonce, cancellationToken).ConfigureAwait(false) is not null) return new AnswerOutcome.LinkUsed();
                return new AnswerOutcome.Refused(refused.Reason);
            case RecordOutcome.Recorded { Changed: false } same:
                // Already on record (through another link or a command): nothing was written, so the link's
                // use is written alone, and its key still tells this request from a twin.
                return await used.UseAsync(token.Nonce, itemId, token.Action.Code(), cancellationToken).ConfigureAwait(false)
                    ? new AnswerOutcome.Recorded(same.Item)
                    : new AnswerOutcome.LinkUsed();
            case RecordOutcome.Recorded recorded:
                return new AnswerOutcome.Recorded(recorded.Item);
            default:
                throw new InvalidOperationException($"unknown outcome {outcome}");
        }
    }
}

/// <summary>What a division's link came to.</summary>
internal abstract record AnswerOutcome
{
    private AnswerOutcome() { }

    /// <summary>Recorded now, or found on record and the link marked used.</summary>
    public sealed record Recorded(StoredItem Item) : AnswerOutcome;

    /// <summary>Another request used the link first; its fact stands and nothing more was written.</summary>
    public sealed record LinkUsed : AnswerOutcome;

    /// <summary>The item is no longer assigned to the link's division for its action.</summary>
    public sealed record Reassigned(string Reason) : AnswerOutcome;

    /// <summary>The fact contradicts the record; the link stays usable.</summary>
    public sealed record Refused(string Reason) : AnswerOutcome;

    /// <summary>No such item.</summary>
    public sealed record NotFound(string Reason) : AnswerOutcome;
}
