using System.Globalization;
using System.Text.RegularExpressions;

namespace Proposals.Worker.Import;

/// <summary>
/// Reads a date as ledgers write it: 2019-03-20, 2019/3/20, 2019.3.20, 2019年3月20日, optionally
/// followed by a time that Excel adds on export; in xlsx also a real date cell or a serial number.
/// </summary>
internal static partial class LedgerDate
{
    // Excel's serial numbers: 1 is 1900-01-01, 2958465 is 9999-12-31.
    private const double FirstSerial = 1;
    private const double LastSerial = 2958465;

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")]
    private static partial Regex DatePattern();

    /// <summary>Reads a raw cell; false when it holds no valid date (an impossible one such as 2019-02-30 included).</summary>
    public static bool TryRead(object? cell, out DateOnly date)
    {
        date = default;
        switch (cell)
        {
            case DateTime d:
                date = DateOnly.FromDateTime(d);
                return true;
            case DateOnly d:
                date = d;
                return true;
            case double x:
                return TryFromSerial(x, out date);
            case decimal or int or long:
                return TryFromSerial(Convert.ToDouble(cell, CultureInfo.InvariantCulture), out date);
            default:
                return TryParse(CellText.Of(cell), out date);
        }
    }

    /// <summary>Reads ledger text; false when it is not a date or names a day that does not exist.</summary>
    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        var m = DatePattern().Match(text);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryFromSerial(double serial, out DateOnly date)
    {
        date = default;
        if (double.IsNaN(serial) || serial < FirstSerial || serial >= LastSerial + 1) return false;
        // FromOADate follows Excel's numbering from 1900-03-01 on, which is every date a ledger holds.
        date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return true;
    }
}
