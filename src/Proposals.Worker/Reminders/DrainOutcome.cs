namespace Proposals.Worker.Reminders;

/// <summary>What one drain of the queue did, and why it stopped early when it did.</summary>
internal sealed class DrainOutcome
{
    private readonly Dictionary<SendResult, int> _counts = [];

    /// <summary>How many reminders ended with <paramref name="result"/>.</summary>
    public int Count(SendResult result) => _counts.GetValueOrDefault(result);

    /// <summary>How many emails went (sent, or sent whole with their fate unknown).</summary>
    public int Emails { get; private set; }

    /// <summary>Whether the drain sent or failed anything, which 综合处's morning summary reports.</summary>
    public bool AnythingWent => Emails > 0 || Count(SendResult.Failed) > 0 || Count(SendResult.Uncertain) > 0;

    /// <summary>Counts one email that went.</summary>
    public void Emailed() => Emails++;

    /// <summary>When set, the mail server could not be used: the drain stopped and gave the rest back untried.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>How many reminders were given back untried because of <see cref="Unavailable"/>.</summary>
    public int GivenBack { get; private set; }

    /// <summary>The reminders given back untried, named as the plan names them, for the user who ran the sweep.</summary>
    public IReadOnlyList<string> GivenBackNames => _givenBackNames;

    private readonly List<string> _givenBackNames = [];

    /// <summary>Counts one report.</summary>
    public void Add(SendReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _counts[report.Result] = Count(report.Result) + 1;
    }

    /// <summary>Records that the way out was closed, and how many reminders went back to the queue untried.</summary>
    public void Stopped(string reason, int givenBack, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Unavailable = reason;
        GivenBack += givenBack;
        _givenBackNames.AddRange(names);
    }
}
