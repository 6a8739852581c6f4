namespace SalesMentor.Core.Demo;

/// <summary>
/// Picks the four demo sign-ins and gives them their role addresses ("admin@", "manager@", "star@", "mentee@").
/// Deterministic: the first team in roster order with a star and a struggler, the first star of another
/// team, and that team's first struggler (else first steady rep).
/// </summary>
internal static class ChooseLogins
{
    internal static (DemoLogins Logins, DemoRoster Roster) Choose(DemoRoster roster, string emailDomain)
    {
        var people = roster.People;
        var teams = roster.Teams
            .Select(team => (Team: team, Reps: people.Where(p => p.IsRep && p.Team == team.Name).ToList()))
            .ToList();
        var chosen = teams.FirstOrDefault(t =>
            t.Reps.Exists(p => p.Persona == DemoPersona.Star)
            && t.Reps.Exists(p => p.Persona == DemoPersona.Struggler)
            && people.Any(p => p.Persona == DemoPersona.Star && p.Team != t.Team.Name));
        if (chosen.Team is null) throw new InvalidOperationException("The demo has no team with a star and a struggler.");

        var admin = people.First(p => p.Persona == DemoPersona.Enablement);
        var manager = people.First(p => p.Id == chosen.Team.ManagerId);
        var star = people.First(p => p.Persona == DemoPersona.Star && p.Team != chosen.Team.Name);
        var mentee = chosen.Reps.Find(p => p.Persona == DemoPersona.Struggler)
            ?? chosen.Reps.First(p => p.Persona == DemoPersona.Steady);

        var logins = new DemoLogins(
            new DemoLogin(admin.Id, $"admin@{emailDomain}"),
            new DemoLogin(manager.Id, $"manager@{emailDomain}"),
            new DemoLogin(star.Id, $"star@{emailDomain}"),
            new DemoLogin(mentee.Id, $"mentee@{emailDomain}"));
        var emails = new[] { logins.Admin, logins.Manager, logins.Star, logins.Mentee }.ToDictionary(l => l.PersonId, l => l.Email);
        var renamed = people.Select(p => emails.TryGetValue(p.Id, out var email) ? p with { Email = email } : p).ToList();
        return (logins, roster with { People = renamed });
    }
}
