using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesMentor.Core.People;

namespace SalesMentor.App.Data;

internal sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(id => id.Value, value => new PersonId(value));

/// <summary>Every stored time is UTC; SQLite forgets the kind, so it is restored on read.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
