namespace SalesMentor.Core.People;

/// <summary>
/// Identifies a person in the organization. A person can be a mentor and a mentee at once,
/// so their id is typed to keep it from being mixed up with other ids.
/// </summary>
/// <param name="Value">The underlying identifier; never <see cref="Guid.Empty"/> for a stored person.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(PersonIdJsonConverter))]
public readonly record struct PersonId(Guid Value) : IComparable<PersonId>
{
    /// <inheritdoc />
    public int CompareTo(PersonId other) => Value.CompareTo(other.Value);

    /// <summary>Orders by the underlying GUID (creation order for version 7 ids).</summary>
    public static bool operator <(PersonId left, PersonId right) => left.CompareTo(right) < 0;

    /// <summary>Orders by the underlying GUID.</summary>
    public static bool operator >(PersonId left, PersonId right) => left.CompareTo(right) > 0;

    /// <summary>Orders by the underlying GUID.</summary>
    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by the underlying GUID.</summary>
    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;

    /// <summary>Creates a new, time-ordered id (version 7 GUID) so inserts stay local in indexes.</summary>
    public static PersonId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();

    /// <summary>Parses the canonical GUID text form; returns false for anything else.</summary>
    public static bool TryParse(string? text, out PersonId id)
    {
        if (Guid.TryParse(text, out var value) && value != Guid.Empty)
        {
            id = new PersonId(value);
            return true;
        }

        id = default;
        return false;
    }
}
