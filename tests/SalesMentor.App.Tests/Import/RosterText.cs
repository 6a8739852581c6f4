using System.Text;
using SalesMentor.App.Import;

namespace SalesMentor.App.Tests.Import;

/// <summary>Reads roster text the way an upload arrives: bytes through a forward-only stream.</summary>
internal static class RosterText
{
    public static Task<RosterFile> ReadAsync(string text, Encoding? encoding = null) => ReadAsync((encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public static async Task<RosterFile> ReadAsync(byte[] bytes)
    {
        await using var stream = new NonSeekableStream(new MemoryStream(bytes), 7);
        return await RosterFileReader.ReadAsync(stream, null, null, CancellationToken.None);
    }

    public static byte[] WithPreamble(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
}
