using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using SalesMentor.App.Data;

namespace SalesMentor.App.Security;

/// <summary>
/// Seals the text of the confidential space (concerns, replies, private notes) with AES-256-GCM under a key kept in a
/// file outside the database (<c>Confidential:KeyFile</c>, by default <c>confidential.key</c> in the data folder),
/// created on first use with owner-only permissions. Each sealed value is bound to its record and field (associated
/// data), so a value copied onto another record does not open. Layout: version (1) · nonce (12) · tag (16) · ciphertext.
/// Whoever holds both the database and the key file can read the text: that is the server operator, outside the
/// promise of DESIGN.md's access table.
/// </summary>
public sealed class ConfidentialCipher
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    private readonly Lazy<byte[]> _key;

    public ConfidentialCipher(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        KeyFile = KeyFileOf(configuration);
        _key = new Lazy<byte[]>(() => LoadOrCreate(KeyFile), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where the key lives.</summary>
    public string KeyFile { get; }

    /// <summary><c>Confidential:KeyFile</c>, else <c>confidential.key</c> in the data folder.</summary>
    public static string KeyFileOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Confidential:KeyFile"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DatabaseOptions.DataFolderOf(configuration), "confidential.key")
            : Path.GetFullPath(configured);
    }

    /// <summary>Seals <paramref name="text"/> for the field <paramref name="field"/> of record <paramref name="recordId"/>.</summary>
    public byte[] Seal(string text, Guid recordId, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedValue = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedValue[0] = FormatVersion;
        var nonce = sealedValue.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize), AssociatedData(recordId, field));
        CryptographicOperations.ZeroMemory(plain);
        return sealedValue;
    }

    /// <summary>Opens a value sealed by <see cref="Seal"/>; throws when it was changed, moved or sealed under another key.</summary>
    public string Open(byte[] sealedValue, Guid recordId, string field)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);
        if (sealedValue.Length < 1 + NonceSize + TagSize || sealedValue[0] != FormatVersion)
        {
            throw new CryptographicException("A confidential value has an unknown format.");
        }

        var plain = new byte[sealedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Decrypt(sealedValue.AsSpan(1, NonceSize), sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize), plain,
            AssociatedData(recordId, field));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(Guid recordId, string field) => Encoding.UTF8.GetBytes($"salesmentor/{field}/{recordId:N}");

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = RandomNumberGenerator.GetBytes(KeySize);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                // Another process (the command line, a second instance) may have made the key first: theirs wins.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        var text = File.ReadAllText(path).Trim();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The confidential key file {path} is damaged (not base64).", e);
        }

        if (bytes.Length != KeySize) throw new InvalidOperationException($"The confidential key file {path} is damaged (not a 256-bit key).");
        return bytes;
    }
}
