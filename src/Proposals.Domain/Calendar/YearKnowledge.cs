namespace Proposals.Domain.Calendar;

/// <summary>What a <see cref="WorkingCalendar"/> knows of a year's days off, so that callers warn as loudly as they must.</summary>
public enum YearKnowledge
{
    /// <summary>The State Council's schedule is loaded (shipped or imported): every day is known.</summary>
    Published,

    /// <summary>
    /// No schedule loaded; the statutory holidays and their make-up days are counted from the
    /// regulation (<see cref="RegulationEstimate"/>), the declared working weekend days (调休) are not known.
    /// </summary>
    Estimated,

    /// <summary>No schedule loaded and nothing to estimate from (before 2025): weekends only.</summary>
    WeekendsOnly,
}
