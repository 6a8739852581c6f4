using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SalesMentor.App.Import;

/// <summary>
/// Version 7 GUIDs (the time in milliseconds, then random bits; the layout of <see cref="Guid.CreateVersion7()"/>) for many
/// new rows: the random bits are drawn from the system's secure generator a few kilobytes at a time, where
/// <see cref="Guid.CreateVersion7()"/> makes a system call per GUID. Not thread-safe: one per import.
/// </summary>
internal sealed class NewIds(TimeProvider clock)
{
    private const int PerFill = 256;
    private readonly byte[] _random = new byte[PerFill * 16];
    private int _next = PerFill;

    public Guid Next()
    {
        if (_next == PerFill)
        {
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        _random.AsSpan(_next++ * 16, 16).CopyTo(bytes);
        // RFC 9562: 48 bits of Unix time in milliseconds, big-endian; version 7; variant 10.
        var millis = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, millis);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
