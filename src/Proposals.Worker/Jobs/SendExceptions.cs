namespace Proposals.Worker.Jobs;

/// <summary>The mail server could not take a report or a resent reminder now; Hangfire tries the job again.</summary>
internal sealed class TransientSendException(string message) : Exception(message);

/// <summary>The mail server refused it for good; recorded as failed, the job is not retried.</summary>
internal sealed class PermanentSendException(string message) : Exception(message);
