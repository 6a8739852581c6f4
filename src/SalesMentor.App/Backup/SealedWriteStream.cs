using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SalesMentor.App.Backup;

/// <summary>Writes plaintext in; sealed chunks (see <see cref="SealedFormat"/>) come out on the inner stream.</summary>
internal sealed class SealedWriteStream : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly SealedFormat.Header _header;
    private readonly byte[] _headerBytes;
    private readonly byte[] _buffer = new byte[SealedFormat.ChunkSize];
    private int _filled;
    private long _chunk;
    private bool _finished;

    public SealedWriteStream(Stream inner, string passphrase)
    {
        _inner = inner;
        _header = SealedFormat.NewHeader();
        _headerBytes = _header.ToBytes();
        var key = SealedFormat.DeriveKey(passphrase, _header);
        _aes = new AesGcm(key, SealedFormat.TagSize);
        CryptographicOperations.ZeroMemory(key);
        _inner.Write(_headerBytes);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_finished;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            // A full chunk is sealed only once more data arrives, so the last chunk is always known.
            if (_filled == _buffer.Length) Seal(last: false);
            var take = Math.Min(buffer.Length, _buffer.Length - _filled);
            buffer[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    /// <summary>Seals the last chunk. Without it the archive is incomplete and will not open.</summary>
    public void Finish()
    {
        if (_finished) return;
        Seal(last: true);
        _inner.Flush();
        _finished = true;
    }

    private void Seal(bool last)
    {
        Span<byte> nonce = stackalloc byte[12];
        SealedFormat.Nonce(_header, _chunk, nonce);
        var cipher = new byte[_filled];
        var tag = new byte[SealedFormat.TagSize];
        _aes.Encrypt(nonce, _buffer.AsSpan(0, _filled), cipher, tag, SealedFormat.AssociatedData(_headerBytes, _chunk, last));
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, _filled);
        _inner.Write(length);
        _inner.Write(cipher);
        _inner.Write(tag);
        _chunk++;
        _filled = 0;
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _aes.Dispose();
        base.Dispose(disposing);
    }
}
