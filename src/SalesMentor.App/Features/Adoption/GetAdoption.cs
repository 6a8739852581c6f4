using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Adoption;

/// <summary>
/// Behaviour and values adoption of a mentorship, with its timeline: part of goals and progress, so the pair, the mentee's
/// supervisor chain and the program's managers read it (DESIGN.md); everyone else, the former mentor too, gets 404.
/// </summary>
public sealed class GetAdoption(SalesMentorDb db, Access access, OrgClock today, IEnumerable<IBehaviourSignalSource> signals)
{
    /// <summary>How many months of a behaviour's signal the timeline shows, ending this month.</summary>
    public const int SignalMonths = 6;

    public async Task<Result<AdoptionView>> HandleAsync(Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
        if (m is null || !await access.CanSeeMentorshipAsync(actor, m, ct)) return Error.NotFound("mentorship");
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        var goals = await db.Agreements.AsNoTracking().Where(a => a.MentorshipId == mentorshipId).Select(a => a.BehaviourGoals).SingleOrDefaultAsync(ct) ?? [];
        var checks = await db.AdoptionChecks.AsNoTracking().Where(c => c.MentorshipId == mentorshipId).ToListAsync(ct);
        var observations = await db.ValueObservations.AsNoTracking().Where(v => v.MentorshipId == mentorshipId).ToListAsync(ct);
        var names = await db.People.AsNoTracking().Where(p => p.Id == m.MentorId || p.Id == m.MenteeId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var behaviourIds = goals.Select(g => g.BehaviourId).Concat(checks.Select(c => c.BehaviourId)).ToHashSet();
        var behaviours = await db.Behaviours.AsNoTracking().Where(b => behaviourIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var values = await db.CompanyValues.AsNoTracking().ToListAsync(ct);
        var valueNames = values.ToDictionary(v => v.Id, v => v.Name);
        PersonRef Who(Core.People.PersonId id) => new(id, names.GetValueOrDefault(id, "someone"));

        var day = await today.TodayAsync(ct);
        var source = signals.FirstOrDefault();
        var behaviourViews = new List<BehaviourAdoptionView>();
        foreach (var goal in goals)
        {
            var behaviour = behaviours.GetValueOrDefault(goal.BehaviourId);
            var signal = behaviour?.Signal ?? CrmSignal.None;
            IReadOnlyList<SignalPoint> measured = [];
            if (signal != CrmSignal.None && source is not null)
            {
                var firstOfMonth = new DateOnly(day.Year, day.Month, 1);
                measured = await source.MeasureAsync(m.MenteeId, signal, firstOfMonth.AddMonths(1 - SignalMonths), day, ct);
            }

            behaviourViews.Add(new BehaviourAdoptionView(goal.Id, goal.BehaviourId, behaviour?.Name ?? "(removed)", goal.Level, signal,
                signal != CrmSignal.None && source is not null, measured,
                [.. checks.Where(c => c.BehaviourGoalId == goal.Id).OrderBy(c => c.ObservedOn).ThenBy(c => c.CreatedAt)
                    .Select(c => new AdoptionCheckView(c.Id, c.BehaviourGoalId, c.Source, Who(c.ObserverId), c.Level, c.Evidence, c.ObservedOn, c.CreatedAt))]));
        }

        var valueViews = observations.OrderBy(v => v.ObservedOn).ThenBy(v => v.CreatedAt)
            .Select(v => new ValueObservationView(v.Id, v.ValueId, valueNames.GetValueOrDefault(v.ValueId, "(removed)"), v.Source, Who(v.ObserverId), v.WhatWasSeen, v.ObservedOn, v.CreatedAt))
            .ToList();
        var timeline = checks.Select(c => (c.CreatedAt, Entry: new TimelineEntry(c.ObservedOn, "adoption", behaviours.GetValueOrDefault(c.BehaviourId)?.Name ?? "(removed)",
                c.Source, names.GetValueOrDefault(c.ObserverId, "someone"), c.Level, c.Evidence)))
            .Concat(valueViews.Select(v => (v.CreatedAt, Entry: new TimelineEntry(v.ObservedOn, "value", v.Value, v.Source, v.Observer.Name, null, v.WhatWasSeen))))
            .OrderByDescending(e => e.Entry.On).ThenByDescending(e => e.CreatedAt).Select(e => e.Entry).ToList();
        var choices = values.Where(v => !v.Archived).OrderBy(v => v.SortOrder).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => new Agreements.ValueRef(v.Id, v.Name)).ToList();
        var side = pair is null ? null : pair.Side == PairSide.Mentee ? "mentee" : "mentor";
        return new AdoptionView(mentorshipId, pair is { ReadOnly: false }, side, behaviourViews, valueViews, choices, timeline);
    }
}
