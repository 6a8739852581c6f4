using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.Core.Health;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Health;

/// <summary>
/// The pulse aggregates of a program's closed rounds, for everyone who may see one: the program's managers (everyone,
/// mentees, mentors) and each manager in the tree (their own people as respondents: everyone, mentees, mentors).
/// <para>
/// One release for all viewers, so that no two aggregates anyone can see — an admin's and a manager's, two managers',
/// today's and last month's — differ by 1–4 people (<see cref="AggregateRelease"/>). Candidates are weighed in a fixed
/// order (the program's groups first, then the managers' from the largest), whoever is looking; what is released is
/// stored (<see cref="PulseAggregate"/>) and never changes, and every later candidate is weighed against it — a team
/// that changes after a round was shown keeps the aggregate it had. The release is written in a serializable
/// transaction, so two instances releasing at once cannot each pass a check the other would fail.
/// </para>
/// </summary>
public sealed class PulseAggregates(SalesMentorDb db, Access access, ConfidentialCipher cipher, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>The groups of answers aggregated, in the order they are weighed and shown.</summary>
    private static readonly string[] Groups = ["everyone", "mentees", "mentors"];

    /// <summary>The released aggregates of the program's rounds before <paramref name="currentRound"/>, and the candidates withheld.</summary>
    internal async Task<Released> ReleaseAsync(Guid programId, int currentRound, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(programId, currentRound, ct);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await StoredAsync(programId, ct);
            var fresh = Plan(stored, candidates);
            if (fresh.Count == 0) return new Released(stored, Withheld(stored, candidates));
            try
            {
                await StoreAsync(programId, candidates, ct);
            }
            catch (Exception exception) when (attempt < Attempts && IsWriteConflict(exception))
            {
                db.ChangeTracker.Clear(); // another instance released first: weigh again against what it stored
            }
        }
    }

    /// <summary>A unique key taken or a serialization failure, however the provider wraps it.</summary>
    private static bool IsWriteConflict(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbUpdateException or DbException) return true;
        }

        return false;
    }

    /// <summary>Weighs the candidates again inside the transaction, against what is stored by then, and stores what passes.</summary>
    private async Task StoreAsync(Guid programId, List<Candidate> candidates, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        var fresh = Plan(await StoredAsync(programId, ct), candidates);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PulseAggregates.AddRange(fresh.Select(c => new PulseAggregate
        {
            ProgramId = programId, Round = c.Round, Key = c.Key, ReleasedAt = now,
            Respondents = string.Join(' ', c.People.Select(p => p.ToString()).Order(StringComparer.Ordinal)), RespondentCount = c.People.Count,
            Trust = Mean(c, s => s.Trust), Safety = Mean(c, s => s.Safety), Value = Mean(c, s => s.Value), Commitment = Mean(c, s => s.Commitment),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A stored aggregate as shown, under the group name the viewer knows it by.</summary>
    private static PulseAggregateView View(PulseAggregate a, PulseSchedule schedule, string group) =>
        new(a.Round, schedule.Start(a.Round), group, a.RespondentCount, a.Trust, a.Safety, a.Value, a.Commitment);

    private static decimal Mean(Candidate c, Func<PulseScores, int> score) =>
        Math.Round((decimal)c.Answers.Sum(score) / c.Answers.Count, 1, MidpointRounding.AwayFromZero);

    private Task<List<PulseAggregate>> StoredAsync(Guid programId, CancellationToken ct) =>
        db.PulseAggregates.AsNoTracking().Where(a => a.ProgramId == programId).ToListAsync(ct);

    private static List<Candidate> Plan(List<PulseAggregate> stored, List<Candidate> candidates)
    {
        var fresh = new List<Candidate>();
        foreach (var round in candidates.GroupBy(c => c.Round))
        {
            var released = stored.Where(a => a.Round == round.Key)
                .Select(a => new AggregateCandidate<string>(a.Key, a.Respondents.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            var byKey = round.ToDictionary(c => c.Key, StringComparer.Ordinal);
            var planned = AggregateRelease.Plan(released, round.Select(c => new AggregateCandidate<string>(c.Key, c.People.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal))));
            fresh.AddRange(planned.Select(p => byKey[p.Key]));
        }

        return fresh;
    }

    private static List<(int Round, string Key)> Withheld(List<PulseAggregate> stored, List<Candidate> candidates)
    {
        var released = stored.Select(a => (a.Round, a.Key)).ToHashSet();
        return [.. candidates.Select(c => (c.Round, c.Key)).Where(k => !released.Contains(k))];
    }

    /// <summary>Every group of every closed round with at least one answer, in the order they are weighed.</summary>
    private async Task<List<Candidate>> CandidatesAsync(Guid programId, int currentRound, CancellationToken ct)
    {
        var mentorships = await db.Mentorships.AsNoTracking().Where(m => m.ProgramId == programId)
            .Select(m => new { m.Id, m.MenteeId }).ToDictionaryAsync(m => m.Id, m => m.MenteeId, ct);
        var ids = mentorships.Keys.ToList();
        var pulses = await db.Pulses.AsNoTracking().Where(p => ids.Contains(p.MentorshipId) && p.Round < currentRound).ToListAsync(ct);
        var hierarchy = await access.HierarchyAsync(ct);
        var managers = hierarchy.People.Where(m => hierarchy.ReportsOf(m).Count > 0).Select(m => (Manager: m, Below: hierarchy.Below(m))).ToList();
        var candidates = new List<Candidate>();
        foreach (var round in pulses.GroupBy(p => p.Round).OrderByDescending(g => g.Key))
        {
            var answers = round.Select(p => new Answer(p.RespondentId, mentorships[p.MentorshipId] == p.RespondentId, PulseContent.Open(cipher, p).Scores)).ToList();
            candidates.AddRange(GroupsOf(round.Key, "program", answers));
            candidates.AddRange(managers
                .SelectMany(m => GroupsOf(round.Key, $"team:{m.Manager}", [.. answers.Where(a => m.Below.Contains(a.Person))]))
                .OrderByDescending(c => c.People.Count).ThenBy(c => c.Key, StringComparer.Ordinal));
        }

        return candidates;
    }

    /// <summary>Everyone, mentees, mentors — "everyone" only when both sides answered (else it is the other side again).</summary>
    private static IEnumerable<Candidate> GroupsOf(int round, string prefix, List<Answer> answers)
    {
        List<Answer> mentees = [.. answers.Where(a => a.Mentee)], mentors = [.. answers.Where(a => !a.Mentee)];
        var groups = new (string Group, List<Answer> Answers)[] { ("everyone", mentees.Count > 0 && mentors.Count > 0 ? answers : []), ("mentees", mentees), ("mentors", mentors) };
        return groups.Where(g => g.Answers.Count > 0)
            .Select(g => new Candidate(round, $"{prefix}:{g.Group}", g.Answers.Select(a => a.Person).ToHashSet(), [.. g.Answers.Select(a => a.Scores)]));
    }

    private sealed record Answer(PersonId Person, bool Mentee, PulseScores Scores);

    private sealed record Candidate(int Round, string Key, HashSet<PersonId> People, List<PulseScores> Answers);

    /// <summary>What is released (stored, never changing) and which (round, key) candidates with answers are withheld.</summary>
    internal sealed record Released(IReadOnlyList<PulseAggregate> Aggregates, IReadOnlyList<(int Round, string Key)> Withheld)
    {
        /// <summary>
        /// One viewer's share: the released aggregates whose key starts with <paramref name="prefix"/> (<c>program:</c> or
        /// <c>team:{manager}:</c>) as views named by their group, newest round first, and how many of theirs are withheld.
        /// </summary>
        public (List<PulseAggregateView> Views, int Withheld) For(string prefix, PulseSchedule schedule)
        {
            var views = Aggregates.Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(a => View(a, schedule, a.Key[prefix.Length..]))
                .OrderByDescending(a => a.Round).ThenBy(a => Array.IndexOf(Groups, a.Group)).ToList();
            return (views, Withheld.Count(w => w.Key.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }
}
