namespace Proposals.Domain.Calendar;

/// <summary>What a published schedule says of one date.</summary>
public enum DayKind
{
    /// <summary>A statutory holiday day off (including weekend days inside the holiday).</summary>
    Holiday,

    /// <summary>A weekend day declared a working day (调休上班).</summary>
    WorkingWeekend,
}
