using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SalesMentor.App.Backup;

/// <summary>Why a sealed archive cannot be opened, in words for the person restoring.</summary>
internal sealed class SealedArchiveException(string message) : Exception(message);

/// <summary>Reads and verifies a sealed archive chunk by chunk; throws <see cref="SealedArchiveException"/> on any damage.</summary>
internal sealed class SealedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly SealedFormat.Header _header;
    private readonly byte[] _headerBytes;
    private byte[] _plain = [];
    private int _position;
    private long _chunk;
    private bool _sawLast;

    public SealedReadStream(Stream inner, string passphrase)
    {
        _inner = inner;
        var headerBytes = new byte[SealedFormat.Header.Length];
        if (ReadFully(inner, headerBytes) != headerBytes.Length || SealedFormat.Header.Parse(headerBytes) is not { } header)
        {
            throw new SealedArchiveException("This file is not a SalesMentor backup.");
        }

        _header = header;
        _headerBytes = headerBytes;
        var key = SealedFormat.DeriveKey(passphrase, header);
        _aes = new AesGcm(key, SealedFormat.TagSize);
        CryptographicOperations.ZeroMemory(key);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position == _plain.Length)
        {
            if (_sawLast) return 0;
            Open();
        }

        var take = Math.Min(buffer.Length, _plain.Length - _position);
        _plain.AsSpan(_position, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    private void Open()
    {
        Span<byte> lengthBytes = stackalloc byte[4];
        if (ReadFully(_inner, lengthBytes) != 4) throw new SealedArchiveException("The backup file is cut short: its end is missing.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (length is < 0 or > SealedFormat.ChunkSize) throw new SealedArchiveException($"The backup file is damaged (block {_chunk + 1}).");
        var cipher = new byte[length];
        var tag = new byte[SealedFormat.TagSize];
        if (ReadFully(_inner, cipher) != length || ReadFully(_inner, tag) != tag.Length) throw new SealedArchiveException("The backup file is cut short: its end is missing.");
        var plain = new byte[length];
        Span<byte> nonce = stackalloc byte[12];
        SealedFormat.Nonce(_header, _chunk, nonce);
        if (!TryDecrypt(nonce, cipher, tag, plain, last: false))
        {
            if (!TryDecrypt(nonce, cipher, tag, plain, last: true))
            {
                throw new SealedArchiveException(_chunk == 0
                    ? "The passphrase is wrong, or the backup file is damaged."
                    : $"The backup file is damaged (block {_chunk + 1} does not verify).");
            }

            _sawLast = true;
            if (_inner.ReadByte() != -1) throw new SealedArchiveException("The backup file has unexpected data after its end.");
        }

        _plain = plain;
        _position = 0;
        _chunk++;
    }

    private bool TryDecrypt(ReadOnlySpan<byte> nonce, byte[] cipher, byte[] tag, byte[] plain, bool last)
    {
        try
        {
            _aes.Decrypt(nonce, cipher, tag, plain, SealedFormat.AssociatedData(_headerBytes, _chunk, last));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0) break;
            total += read;
        }

        return total;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _aes.Dispose();
        base.Dispose(disposing);
    }
}
