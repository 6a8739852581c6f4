using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesMentor.Core.People;

/// <summary>A <see cref="PersonId"/> travels in JSON as its GUID string, like any other id.</summary>
public sealed class PersonIdJsonConverter : JsonConverter<PersonId>
{
    /// <inheritdoc />
    public override PersonId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) && value != Guid.Empty
            ? new PersonId(value)
            : throw new JsonException("A person id is a GUID string such as \"0199aaaa-0000-7000-8000-000000000001\".");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PersonId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
