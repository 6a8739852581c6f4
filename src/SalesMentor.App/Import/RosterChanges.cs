using SalesMentor.App.Domain;

namespace SalesMentor.App.Import;

/// <summary>
/// How a row compares with, and is written onto, a person. Only the columns the file has count:
/// a column the file leaves out leaves that field alone, an empty cell clears it. An external id is
/// never cleared by an empty cell (it is how the roster finds the person).
/// </summary>
internal static class RosterChanges
{
    /// <summary>True when writing the row would change anything about <paramref name="person"/>.</summary>
    public static bool Differs(RosterRow row, Person person, RosterColumns columns, StoredRoster stored)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(stored);
        return (row.ExternalId is not null && !string.Equals(row.ExternalId, person.ExternalId, StringComparison.Ordinal))
            || !string.Equals(row.Name, person.Name, StringComparison.Ordinal)
            || (columns.Has(RosterField.Email) && !string.Equals(row.Email, person.Email, StringComparison.Ordinal))
            || (columns.Has(RosterField.Title) && !string.Equals(row.Title, person.Title, StringComparison.Ordinal))
            || (columns.Has(RosterField.Team) && row.TeamId != person.TeamId)
            || (columns.Has(RosterField.Region) && row.RegionId != person.RegionId)
            || (columns.HasManager && row.ManagerId != person.ManagerId)
            || (columns.Has(RosterField.HireDate) && row.HireDate != person.HireDate)
            || (columns.Has(RosterField.LeftDate) && row.LeftOn != person.LeftOn)
            || (columns.Has(RosterField.TimeZone) && !string.Equals(row.TimeZone, person.TimeZone, StringComparison.Ordinal))
            || (columns.Has(RosterField.CrmOwnerIds) && !stored.CrmIdsOf(person.Id).ToHashSet(StringComparer.Ordinal).SetEquals(row.CrmOwnerIds));
    }

    /// <summary>Writes the row's fields (those the file has) onto <paramref name="person"/>.</summary>
    public static void Apply(RosterRow row, Person person, RosterColumns columns, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(columns);
        if (row.ExternalId is not null) person.ExternalId = row.ExternalId;
        person.Name = row.Name!;
        if (columns.Has(RosterField.Email)) person.Email = row.Email;
        if (columns.Has(RosterField.Title)) person.Title = row.Title;
        if (columns.Has(RosterField.Team)) person.TeamId = row.TeamId;
        if (columns.Has(RosterField.Region)) person.RegionId = row.RegionId;
        if (columns.HasManager) person.ManagerId = row.ManagerId;
        if (columns.Has(RosterField.HireDate)) person.HireDate = row.HireDate;
        if (columns.Has(RosterField.LeftDate)) person.LeftOn = row.LeftOn;
        if (columns.Has(RosterField.TimeZone)) person.TimeZone = row.TimeZone;
        person.UpdatedAt = now;
        person.RefreshKeys();
    }
}
