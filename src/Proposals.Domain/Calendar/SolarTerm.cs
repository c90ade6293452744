namespace Proposals.Domain.Calendar;

/// <summary>
/// The day of the solar term 清明 (Qingming): the day, in Beijing time, on which the sun's apparent
/// ecliptic longitude reaches 15°. The statutory 清明节 holiday is that day.
/// </summary>
/// <remarks>
/// The sun's position is Meeus's low-precision algorithm (Astronomical Algorithms, 2nd ed., ch. 25):
/// good to about 0.01° of longitude, which is about 15 minutes of time. Every 清明 from 2018 to
/// 2032 begins more than an hour and a half from midnight (the nearest: 2030-04-05, about 01:40), so the
/// day comes out right; a term within a quarter of an hour of midnight could land on the wrong
/// side. The answer only stands in until the State Council's schedule is loaded, which names the
/// day itself.
/// </remarks>
internal static class SolarTerm
{
    /// <summary>The sun's apparent longitude at the start of 清明, in degrees.</summary>
    public const double QingmingLongitude = 15;

    /// <summary>Julian day number of 0001-01-01 at midnight, the day <see cref="DateOnly.DayNumber"/> counts from.</summary>
    private const double JulianDayOfDayNumberZero = 1721425.5;

    /// <summary>Mean days per degree of the sun's motion along the ecliptic (365.2422 / 360), rounded up.</summary>
    private const double DaysPerDegree = 1.0146;

    /// <summary>
    /// TT − UT (ΔT), about 69 s in the 2020s. Its drift over the century is far below the model's
    /// own error, so a constant does.
    /// </summary>
    private const double DeltaTDays = 69.0 / 86400;

    private const double BeijingOffsetDays = 8.0 / 24;

    /// <summary>The date of 清明 in <paramref name="year"/>, in Beijing time (UTC+8).</summary>
    public static DateOnly Qingming(int year)
    {
        // The sun reaches 15° on April 4 or 5; start there and close in.
        var jde = new DateOnly(year, 4, 5).DayNumber + JulianDayOfDayNumberZero;
        for (var i = 0; i < 50; i++)
        {
            var step = DaysPerDegree * Difference(QingmingLongitude, ApparentLongitude(jde));
            jde += step;
            if (Math.Abs(step) < 1e-6) break;
        }
        var beijing = jde - DeltaTDays + BeijingOffsetDays;
        return DateOnly.FromDayNumber((int)Math.Floor(beijing - JulianDayOfDayNumberZero));
    }

    /// <summary>The sun's apparent ecliptic longitude, in degrees [0, 360), at Julian ephemeris day <paramref name="jde"/>.</summary>
    /// <remarks>Meeus ch. 25, eqs. 25.2-25.4 and the apparent-longitude correction below them.</remarks>
    public static double ApparentLongitude(double jde)
    {
        var t = (jde - 2451545.0) / 36525; // Julian centuries from J2000.0
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
            + 0.000289 * Math.Sin(3 * meanAnomaly);
        // Nutation and aberration, from the longitude of the Moon's ascending node.
        var node = Radians(125.04 - 1934.136 * t);
        var apparent = meanLongitude + center - 0.00569 - 0.00478 * Math.Sin(node);
        return Normalize(apparent);
    }

    /// <summary>The signed angle from <paramref name="from"/> to <paramref name="to"/>, in (-180, 180].</summary>
    private static double Difference(double to, double from)
    {
        var d = Normalize(to - from);
        return d > 180 ? d - 360 : d;
    }

    private static double Normalize(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
