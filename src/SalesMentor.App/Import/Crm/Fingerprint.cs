using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SalesMentor.App.Import.Crm;

/// <summary>
/// A 128-bit fingerprint of a row's stored values, so an import can tell an unchanged row from a
/// changed one while holding only the fingerprints of the stored rows, not the rows (a million
/// deals would otherwise take hundreds of megabytes). Each value is written with a tag and its
/// length, so ("ab", "c") and ("a", "bc") differ; decimals without trailing zeros, so 1.50 and 1.5
/// agree (PostgreSQL returns the column's scale). SHA-256 cut to 128 bits: two different rows
/// share a fingerprint with a chance of about 2^-128.
/// </summary>
internal sealed class Fingerprint
{
    // One per thread, reused: a fingerprint is built and read without an await in between.
    [ThreadStatic] private static Fingerprint? _reused;

    private char[] _buffer = new char[256];
    private int _length;

    private Fingerprint() { }

    /// <summary>An empty fingerprint to add values to; read <see cref="Value"/> before starting another on the same thread.</summary>
    public static Fingerprint Start()
    {
        var print = _reused ??= new Fingerprint();
        print._length = 0;
        return print;
    }

    public Fingerprint Add(string? value)
    {
        if (value is null) return Put('\u0001');
        Put('\u0002');
        Put((char)(value.Length & 0xFFFF));
        Put((char)(value.Length >> 16));
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        return this;
    }

    public Fingerprint Add(decimal? value) => Add(value?.ToString("0.############################", CultureInfo.InvariantCulture));

    public Fingerprint Add(DateOnly? value) => value is { } d ? Put('\u0003').Put((char)(d.DayNumber & 0xFFFF)).Put((char)(d.DayNumber >> 16)) : Put('\u0001');

    public Fingerprint Add(int? value) => value is { } v ? Put('\u0004').Put((char)(v & 0xFFFF)).Put((char)((uint)v >> 16)) : Put('\u0001');

    public Fingerprint Add(bool value) => Put(value ? '\u0005' : '\u0006');

    public UInt128 Value
    {
        get
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _length)), hash);
            return new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(hash), BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]));
        }
    }

    private Fingerprint Put(char c)
    {
        Ensure(1);
        _buffer[_length++] = c;
        return this;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }
}
