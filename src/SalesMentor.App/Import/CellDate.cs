using System.Globalization;

namespace SalesMentor.App.Import;

/// <summary>
/// Date cells. A CRM's date-and-time with a UTC offset (Salesforce writes
/// <c>2024-01-22T16:14:25.000+0000</c>) is an instant: it is converted to the organization's time
/// zone before the date is taken, so a deal created late on the 22nd in New York counts on the
/// 22nd there. A date-and-time without an offset is read as the organization's local time, and a
/// plain date as written. Impossible dates (<c>2017-02-30</c>) are refused, never rolled over.
/// </summary>
internal static class CellDate
{
    private static readonly string[] ReportFormats = ["M/d/yyyy", "d.M.yyyy", "yyyy/M/d"];

    /// <summary><c>yyyy-MM-dd</c>, optionally followed by <c>T</c> or a space, a time and an offset (<c>Z</c>, <c>+0000</c>, <c>+00:00</c>). Null when empty.</summary>
    public static DateOnly? Iso(string? cell, TimeZoneInfo zone, string what, out string? problem)
    {
        problem = null;
        var text = cell?.Trim() ?? "";
        if (text.Length == 0) return null;
        if (TryIso(text, zone, out var date)) return date;
        problem = $"'{CellText.Short(text)}' is not a date for {what}; write yyyy-MM-dd (e.g. 2024-03-01), optionally with a time (2024-03-01T09:30:00Z).";
        return null;
    }

    /// <summary>
    /// A date in <paramref name="format"/> (a .NET pattern such as <c>dd/MM/yyyy</c>); a time after a
    /// space is allowed and ignored. ISO dates with a time and offset are read as by <see cref="Iso"/>
    /// when the format is <c>yyyy-MM-dd</c>.
    /// </summary>
    public static DateOnly? WithFormat(string? cell, string format, TimeZoneInfo zone, string what, out string? problem)
    {
        problem = null;
        var text = cell?.Trim() ?? "";
        if (text.Length == 0) return null;
        if (format == "yyyy-MM-dd" && TryIso(text, zone, out var iso)) return iso;
        var head = text.Split(' ', 2)[0];
        if (DateOnly.TryParseExact(head, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem = $"'{CellText.Short(text)}' is not a date in the format {format} for {what}.";
        return null;
    }

    /// <summary>
    /// A date as Salesforce reports write it: <c>yyyy-MM-dd</c> (with or without a time, as <see cref="Iso"/>),
    /// <c>M/d/yyyy</c> (US English, Salesforce's default), <c>d.M.yyyy</c> (German and others) or <c>yyyy/M/d</c>;
    /// a time after a space is ignored. <c>d/M/yyyy</c> (British) is not guessed: <c>31/12/2017</c> is refused.
    /// </summary>
    public static DateOnly? Report(string? cell, TimeZoneInfo zone, string what, out string? problem)
    {
        problem = null;
        var text = cell?.Trim() ?? "";
        if (text.Length == 0) return null;
        if (TryIso(text, zone, out var iso)) return iso;
        var head = text.Split(' ', 2)[0];
        if (DateOnly.TryParseExact(head, ReportFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem = $"'{CellText.Short(text)}' is not a date for {what}; a report's dates must be yyyy-MM-dd, M/d/yyyy or d.M.yyyy.";
        return null;
    }

    /// <summary>True when <paramref name="format"/> is a date pattern that writes and reads back a date unchanged.</summary>
    public static bool IsUsableFormat(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format.Length > 40 || format.Any(c => c is 'H' or 'h' or 'm' or 's' or 'f' or 'z' or 'K' or 't')) return false;
        try
        {
            var probe = new DateOnly(2024, 12, 31);
            var text = probe.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == probe;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool TryIso(string text, TimeZoneInfo zone, out DateOnly date)
    {
        date = default;
        var s = text.AsSpan();
        if (s.Length < 10 || !DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        if (s.Length == 10)
        {
            date = day;
            return true;
        }

        if (s[10] is not ('T' or ' ') || !TryTime(s[11..], out var time, out var rest)) return false;
        if (rest.IsEmpty)
        {
            date = day;
            return true;
        }

        if (!TryOffset(rest, out var offset)) return false;
        var instant = new DateTimeOffset(day.ToDateTime(time), offset);
        date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return true;
    }

    // HH:mm[:ss[.fraction]]; the rest (the offset) is returned.
    private static bool TryTime(ReadOnlySpan<char> s, out TimeOnly time, out ReadOnlySpan<char> rest)
    {
        time = default;
        rest = default;
        if (s.Length < 5 || s[2] != ':' || !TwoDigits(s, 0, out var hour) || !TwoDigits(s, 3, out var minute) || hour > 23 || minute > 59) return false;
        var second = 0;
        var i = 5;
        if (s.Length >= 8 && s[5] == ':')
        {
            if (!TwoDigits(s, 6, out second) || second > 59) return false;
            i = 8;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var start = i;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                if (i == start) return false;
            }
        }

        time = new TimeOnly(hour, minute, second);
        rest = s[i..].TrimStart(' ');
        return true;
    }

    // Z, ±HH, ±HHMM or ±HH:MM.
    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is "Z" or "z") return true;
        if (s.Length < 3 || s[0] is not ('+' or '-') || !TwoDigits(s, 1, out var hours) || hours > 14) return false;
        var minutes = 0;
        var tail = s[3..];
        if (tail.Length > 0 && tail[0] == ':') tail = tail[1..];
        if (tail.Length == 2) { if (!TwoDigits(tail, 0, out minutes) || minutes > 59) return false; }
        else if (tail.Length != 0) return false;
        offset = new TimeSpan(hours, minutes, 0) * (s[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !char.IsAsciiDigit(s[at]) || !char.IsAsciiDigit(s[at + 1])) return false;
        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }
}
