using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SQLitePCL;

namespace SalesMentor.App.Import;

/// <summary>How a column's values are bound: by the column's declared store type, as Microsoft.Data.Sqlite does.</summary>
internal enum SqliteValue { Text, Integer, Real, Blob }

/// <summary>
/// Binds one .NET value as Microsoft.Data.Sqlite would bind it for a column of the given kind: GUIDs as upper-case text
/// (blobs for BLOB columns), dates as ISO text, decimals as text, booleans and whole numbers as integers.
/// <see cref="Bind{V}"/> takes the value typed (no boxing; the branches fold away for value types) and falls back to
/// <see cref="Bind(sqlite3_stmt, int, object?, SqliteValue)"/>, which writes the same, for every other type.
/// </summary>
internal static class SqliteValues
{
    public static SqliteValue KindOf(string storeType) => storeType.ToUpperInvariant() switch
    {
        "INTEGER" => SqliteValue.Integer,
        "REAL" => SqliteValue.Real,
        "BLOB" => SqliteValue.Blob,
        _ => SqliteValue.Text,
    };

    public static int Bind<V>(sqlite3_stmt statement, int index, V value, SqliteValue kind)
    {
        if (typeof(V) == typeof(string)) return Unsafe.As<V, string?>(ref value) is { } s ? Text(statement, index, s) : raw.sqlite3_bind_null(statement, index);
        if (typeof(V) == typeof(Guid) && kind != SqliteValue.Blob) return GuidText(statement, index, Unsafe.As<V, Guid>(ref value));
        if (typeof(V) == typeof(Guid?) && kind != SqliteValue.Blob) return Unsafe.As<V, Guid?>(ref value) is { } g ? GuidText(statement, index, g) : raw.sqlite3_bind_null(statement, index);
        if (typeof(V) == typeof(int)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<V, int>(ref value));
        if (typeof(V) == typeof(int?)) return Unsafe.As<V, int?>(ref value) is { } n ? raw.sqlite3_bind_int64(statement, index, n) : raw.sqlite3_bind_null(statement, index);
        if (typeof(V) == typeof(long)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<V, long>(ref value));
        if (typeof(V) == typeof(bool)) return raw.sqlite3_bind_int64(statement, index, Unsafe.As<V, bool>(ref value) ? 1 : 0);
        if (typeof(V) == typeof(DateOnly)) return Date(statement, index, Unsafe.As<V, DateOnly>(ref value));
        if (typeof(V) == typeof(DateOnly?)) return Unsafe.As<V, DateOnly?>(ref value) is { } d ? Date(statement, index, d) : raw.sqlite3_bind_null(statement, index);
        if (typeof(V) == typeof(DateTime) && kind != SqliteValue.Real) return Time(statement, index, Unsafe.As<V, DateTime>(ref value));
        if (typeof(V) == typeof(decimal)) return Number(statement, index, Unsafe.As<V, decimal>(ref value));
        if (typeof(V) == typeof(decimal?)) return Unsafe.As<V, decimal?>(ref value) is { } m ? Number(statement, index, m) : raw.sqlite3_bind_null(statement, index);
        return Bind(statement, index, (object?)value, kind);
    }

    public static int Bind(sqlite3_stmt statement, int index, object? value, SqliteValue kind)
    {
        switch (value)
        {
            case null or DBNull:
                return raw.sqlite3_bind_null(statement, index);
            case string s:
                return Text(statement, index, s);
            case bool b:
                return raw.sqlite3_bind_int64(statement, index, b ? 1 : 0);
            case int n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case long n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case short n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case byte n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case Guid g when kind == SqliteValue.Blob:
                return raw.sqlite3_bind_blob(statement, index, g.ToByteArray());
            case Guid g:
                return GuidText(statement, index, g);
            case DateOnly d:
                return Date(statement, index, d);
            case DateTime t when kind != SqliteValue.Real:
                return Time(statement, index, t);
            case DateTimeOffset t when kind != SqliteValue.Real:
                return raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            case decimal m:
                return Number(statement, index, m);
            case double x when !double.IsNaN(x):
                return raw.sqlite3_bind_double(statement, index, x);
            case float x when !float.IsNaN(x):
                return raw.sqlite3_bind_double(statement, index, x);
            case Enum e:
                return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture));
            case byte[] bytes:
                return raw.sqlite3_bind_blob(statement, index, bytes);
            default:
                throw new NotSupportedException($"The bulk writer does not bind values of type {value.GetType().Name} (as {kind}); write this entity through EF.");
        }
    }

    private static int Text(sqlite3_stmt statement, int index, string s)
    {
        if (s.Length > 256) return raw.sqlite3_bind_text(statement, index, s);
        // Only as much stack as the text can need (a stack buffer is zeroed first).
        Span<byte> utf8 = stackalloc byte[s.Length * 3];
        return raw.sqlite3_bind_text(statement, index, utf8[..Encoding.UTF8.GetBytes(s, utf8)]);
    }

    // Upper-case "D" text (as Microsoft.Data.Sqlite writes a GUID), hex written straight from the big-endian bytes, which
    // are in the text's order.
    private static int GuidText(sqlite3_stmt statement, int index, Guid g)
    {
        Span<byte> bytes = stackalloc byte[16];
        g.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> text = stackalloc byte[36];
        var hex = "0123456789ABCDEF"u8;
        var at = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i is 4 or 6 or 8 or 10) text[at++] = (byte)'-';
            text[at++] = hex[bytes[i] >> 4];
            text[at++] = hex[bytes[i] & 0xF];
        }

        return raw.sqlite3_bind_text(statement, index, text);
    }

    // yyyy-MM-dd, digits written directly (a custom format string is parsed on every call).
    private static int Date(sqlite3_stmt statement, int index, DateOnly d)
    {
        Span<byte> day = stackalloc byte[10];
        d.Deconstruct(out var year, out var month, out var dayOfMonth);
        Digits(day[..4], year);
        day[4] = (byte)'-';
        Digits(day[5..7], month);
        day[7] = (byte)'-';
        Digits(day[8..], dayOfMonth);
        return raw.sqlite3_bind_text(statement, index, day);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + (value % 10));
    }

    private static int Time(sqlite3_stmt statement, int index, DateTime t)
    {
        Span<byte> time = stackalloc byte[40];
        t.TryFormat(time, out var timeLength, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(statement, index, time[..timeLength]);
    }

    private static int Number(sqlite3_stmt statement, int index, decimal m)
    {
        Span<byte> number = stackalloc byte[64];
        m.TryFormat(number, out var numberLength, "0.0###########################", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(statement, index, number[..numberLength]);
    }
}
