using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SalesMentor.App.Backup;

/// <summary>
/// The encrypted envelope of a backup: a header, then the content in chunks of up to 1 MiB, each
/// sealed with AES-256-GCM. The key comes from the passphrase through PBKDF2-SHA256 with a random
/// salt. Each chunk's nonce is a random prefix plus the chunk number, and its associated data is the
/// header, the chunk number and a "last chunk" flag — so a wrong passphrase, a changed byte, a
/// reordered or a missing chunk, or a cut-off file are all detected.
/// </summary>
internal static class SealedFormat
{
    public const int ChunkSize = 1 << 20;
    public const int TagSize = 16;
    public const int Iterations = 600_000;
    private static readonly byte[] Magic = "SMBACKUP1\n"u8.ToArray();

    public sealed record Header(byte[] Salt, byte[] NoncePrefix, int Iterations)
    {
        public byte[] ToBytes()
        {
            var bytes = new byte[Magic.Length + 16 + 8 + 4];
            Magic.CopyTo(bytes, 0);
            Salt.CopyTo(bytes, Magic.Length);
            NoncePrefix.CopyTo(bytes, Magic.Length + 16);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length + 24), Iterations);
            return bytes;
        }

        public static int Length => Magic.Length + 16 + 8 + 4;

        /// <summary>Null when the bytes are not a SalesMentor backup header.</summary>
        public static Header? Parse(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < Length || !bytes[..Magic.Length].SequenceEqual(Magic)) return null;
            var iterations = BinaryPrimitives.ReadInt32LittleEndian(bytes[(Magic.Length + 24)..]);
            if (iterations is < 100_000 or > 10_000_000) return null;
            return new Header(bytes.Slice(Magic.Length, 16).ToArray(), bytes.Slice(Magic.Length + 16, 8).ToArray(), iterations);
        }
    }

    public static Header NewHeader() => new(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(8), Iterations);

    public static byte[] DeriveKey(string passphrase, Header header) =>
        Rfc2898DeriveBytes.Pbkdf2(passphrase, header.Salt, header.Iterations, HashAlgorithmName.SHA256, 32);

    public static void Nonce(Header header, long chunk, Span<byte> nonce)
    {
        header.NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteInt32LittleEndian(nonce[8..], checked((int)chunk));
    }

    public static byte[] AssociatedData(byte[] headerBytes, long chunk, bool last)
    {
        var data = new byte[headerBytes.Length + 9];
        headerBytes.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(headerBytes.Length), chunk);
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }
}
