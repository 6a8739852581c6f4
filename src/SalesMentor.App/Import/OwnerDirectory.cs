using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.Core.People;
using SalesMentor.Core.Text;

namespace SalesMentor.App.Import;

/// <summary>Which of a person's identities a CRM's owner (or a quota's person) names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OwnerMatch>))]
public enum OwnerMatch
{
    /// <summary>A CRM user id (Salesforce OwnerId, HubSpot owner id), as listed in the person's CRM owner ids.</summary>
    CrmId,

    /// <summary>The person's external id from the roster.</summary>
    ExternalId,

    Email,

    /// <summary>The full name, ignoring case, accents and extra spaces; only when exactly one person has it.</summary>
    Name,

    /// <summary>CRM id, then external id, then email, then name.</summary>
    Any,
}

/// <summary>
/// Everyone an owner reference can name, loaded once per import (no query per row), with every
/// answer remembered: a million deals have a few thousand distinct owners. A reference is tried
/// as the preferred identity first and then as the others, so an email column that holds a name
/// still finds the person, and a later import re-links rows the same way.
/// </summary>
internal sealed class OwnerDirectory
{
    private static readonly OwnerMatch[] Order = [OwnerMatch.CrmId, OwnerMatch.ExternalId, OwnerMatch.Email, OwnerMatch.Name];

    private readonly Dictionary<string, PersonId> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonId> _externalIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonId> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PersonId>> _names = new(StringComparer.Ordinal);
    // One table of answers per preferred match, keyed by the reference alone: an ordinal string key hashes faster than a tuple.
    private readonly Dictionary<OwnerMatch, Dictionary<string, (PersonId? Person, string? Why)>> _answers = [];

    private (string? Reference, OwnerMatch Match, (PersonId? Person, string? Why) Answer) _last;

    private OwnerDirectory() { }

    public static async Task<OwnerDirectory> LoadAsync(SalesMentorDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var directory = new OwnerDirectory();
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.ExternalId, p.Email, p.NameKey }).ToListAsync(ct);
        foreach (var person in people)
        {
            if (person.ExternalId is { } x) directory._externalIds.TryAdd(x, person.Id);
            if (person.Email is { } e) directory._emails.TryAdd(e, person.Id);
            if (!directory._names.TryGetValue(person.NameKey, out var named)) directory._names[person.NameKey] = named = [];
            named.Add(person.Id);
        }

        foreach (var link in await db.CrmOwnerLinks.AsNoTracking().ToListAsync(ct)) directory._links[link.OwnerId] = link.PersonId;
        return directory;
    }

    /// <summary>The person <paramref name="reference"/> names, or null with <paramref name="why"/> in words.</summary>
    public PersonId? Find(string reference, OwnerMatch preferred, out string? why)
    {
        ArgumentNullException.ThrowIfNull(reference);
        // An import asks about the same row's owner twice in a row (to list unknown owners, then to store the row).
        if (ReferenceEquals(reference, _last.Reference) && preferred == _last.Match)
        {
            why = _last.Answer.Why;
            return _last.Answer.Person;
        }

        if (!_answers.TryGetValue(preferred, out var answers)) _answers[preferred] = answers = new(StringComparer.Ordinal);
        if (!answers.TryGetValue(reference, out var answer))
        {
            answer = Resolve(reference, preferred);
            answers[reference] = answer;
        }

        _last = (reference, preferred, answer);
        why = answer.Why;
        return answer.Person;
    }

    private (PersonId?, string?) Resolve(string reference, OwnerMatch preferred)
    {
        string? ambiguity = null;
        foreach (var match in preferred == OwnerMatch.Any ? Order : Order.Where(m => m != preferred).Prepend(preferred))
        {
            switch (match)
            {
                case OwnerMatch.CrmId when _links.TryGetValue(reference, out var linked): return (linked, null);
                case OwnerMatch.ExternalId when _externalIds.TryGetValue(reference, out var byId): return (byId, null);
                case OwnerMatch.Email when _emails.TryGetValue(reference.Trim().ToLowerInvariant(), out var byEmail): return (byEmail, null);
                case OwnerMatch.Name when _names.TryGetValue(TextFold.NameKey(reference), out var named):
                    if (named.Count == 1) return (named[0], null);
                    ambiguity = $"{named.Count} people have this name; link the CRM user id to one of them (roster: crm_owner_ids)";
                    break;
            }
        }

        return (null, ambiguity ?? "no person has this CRM user id, external id, email or name");
    }
}
