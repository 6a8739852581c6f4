namespace SalesMentor.Core.Demo;

/// <summary>
/// Salesforce-style 18-character record ids: a 3-character key prefix ("005" users, "006" opportunities,
/// "00T" tasks, "00U" events), a 4-character pod drawn from the seed, "00", a 6-character base-62 body,
/// and the 3-character case-safe suffix Salesforce computes from the first 15 characters.
/// </summary>
internal static class DemoCrmIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>Four base-62 characters from the seed, shared by every id of one organization.</summary>
    internal static string Pod(DemoRandom random) => Encode((long)(random.NextUInt64() % (62UL * 62 * 62 * 62)), 4);

    /// <summary>The CRM user id of the person at <paramref name="ordinal"/> in the roster.</summary>
    internal static string User(string pod, int ordinal) => WithSuffix($"005{pod}00{Encode(ordinal, 6)}");

    /// <summary>The id of a rep's <paramref name="sequence"/>-th opportunity; unique per (ordinal, sequence).</summary>
    internal static string Opportunity(string pod, int ordinal, int sequence) => Record("006", pod, ordinal, sequence);

    /// <summary>The id of a rep's <paramref name="sequence"/>-th activity; meetings are events, the rest tasks.</summary>
    internal static string Activity(string pod, int ordinal, int sequence, DemoActivityType type)
        => Record(type == DemoActivityType.Meeting ? "00U" : "00T", pod, ordinal, sequence);

    /// <summary>Appends Salesforce's case-safe suffix to a 15-character id.</summary>
    internal static string WithSuffix(string id15)
    {
        if (id15.Length != 15) throw new ArgumentException("A Salesforce id has 15 characters before its suffix.", nameof(id15));
        Span<char> id = stackalloc char[18];
        id15.AsSpan().CopyTo(id);
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i])) bits |= 1 << i;
            }

            id[15 + chunk] = SuffixAlphabet[bits];
        }

        return new string(id);
    }

    /// <summary><paramref name="value"/> in base 62, left-padded with '0' to <paramref name="width"/> characters.</summary>
    internal static string Encode(long value, int width)
    {
        Span<char> digits = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        if (value != 0) throw new ArgumentOutOfRangeException(nameof(value), "Does not fit the id's width.");
        return new string(digits);
    }

    private static string Record(string prefix, string pod, int ordinal, int sequence)
        => WithSuffix($"{prefix}{pod}00{Encode(ordinal, 3)}{Encode(sequence, 3)}");
}
