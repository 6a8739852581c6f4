using System.Text.Json;

namespace SalesMentor.App.Backup;

/// <summary>
/// What a backup holds: its format, the provider, the schema (applied migrations) it was taken at, and its files — the
/// database and, once the confidential space has been used, the key file its text is sealed with.
/// </summary>
public sealed record BackupManifest(int Format, string Provider, DateTime CreatedAt, IReadOnlyList<string> Migrations, IReadOnlyList<string> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string SqliteEntry = "database.sqlite";
    public const string PostgresEntry = "database.pgdump";
    public const string ConfidentialKeyEntry = "confidential.key";

    public string Schema => Migrations.Count == 0 ? "(empty)" : Migrations[^1];

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web);

    public static BackupManifest? Parse(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
