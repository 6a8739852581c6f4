using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Data.Configurations;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Adoption;

/// <summary>Who may record, and the checks a day and an evidence note pass; shared by both recording use cases.</summary>
internal static class AdoptionRules
{
    public static async Task<Result<PairAccess>> WriterAsync(SalesMentorDb db, Access access, Actor actor, Guid mentorshipId, CancellationToken ct)
    {
        var pair = await access.LoadConfidentialAsync(actor, mentorshipId, ct);
        if (pair is null)
        {
            // The supervisor chain and the program's managers see adoption (goals and progress) but do not rate it: 403; everyone else 404.
            var m = await db.Mentorships.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mentorshipId, ct);
            return m is not null && await access.CanSeeMentorshipAsync(actor, m, ct)
                ? Error.Forbidden("adoption.pair_only", "Only the mentor and the mentee record adoption.")
                : Error.NotFound("mentorship");
        }

        if (pair.ReadOnly) return Error.Conflict("mentorship.ended", "This mentorship has ended: its adoption can be read, not added to.");
        return pair;
    }

    public static AdoptionSource SourceOf(PairAccess pair) => pair.Side == PairSide.Mentee ? AdoptionSource.Self : AdoptionSource.Mentor;

    public static Result<DateOnly> Day(DateOnly? day, DateOnly today, string field)
    {
        var on = day ?? today;
        if (on > today) return Error.Validation($"{field}.future", "The day cannot be in the future.");
        if (on.Year < 2000) return Error.Validation($"{field}.invalid", "Give the day it was seen.");
        return on;
    }
}

/// <summary>
/// A rating of one behaviour goal on the scale not yet · trying · practising · consistent · habit, with a short evidence
/// note: by the mentee it is a self check-in, by the mentor an observation. The pair only, while the mentorship runs.
/// </summary>
public sealed class RecordAdoptionCheck(SalesMentorDb db, Access access, OrgClock today, TimeProvider clock)
{
    public async Task<Result<AdoptionCheckView>> HandleAsync(Actor actor, Guid mentorshipId, AdoptionCheckRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = await AdoptionRules.WriterAsync(db, access, actor, mentorshipId, ct);
        if (!writer.IsSuccess) return writer.Error!;
        var pair = writer.Value;
        if (!Enum.IsDefined(request.Level)) return Error.Validation("adoption.level", "Choose a level: not yet, trying, practising, consistent or habit.");
        var goals = await db.Agreements.AsNoTracking().Where(a => a.MentorshipId == mentorshipId).Select(a => a.BehaviourGoals).SingleOrDefaultAsync(ct) ?? [];
        var goal = goals.FirstOrDefault(g => g.Id == request.BehaviourGoalId);
        if (goal is null) return Error.Validation("adoption.goal", "Choose one of the agreement's behaviour goals.");
        var evidence = TextRules.Read(request.Evidence, "adoption.evidence", "the evidence note", HealthLimits.Evidence, multiline: true);
        if (!evidence.IsSuccess) return evidence.Error!;
        var day = AdoptionRules.Day(request.ObservedOn, await today.TodayAsync(ct), "adoption.day");
        if (!day.IsSuccess) return day.Error!;
        var check = new AdoptionCheck
        {
            MentorshipId = mentorshipId, BehaviourGoalId = goal.Id, BehaviourId = goal.BehaviourId, ObserverId = actor.PersonId!.Value,
            Source = AdoptionRules.SourceOf(pair), Level = request.Level, Evidence = evidence.Value, ObservedOn = day.Value, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AdoptionChecks.Add(check);
        await db.SaveChangesAsync(ct);
        return new AdoptionCheckView(check.Id, check.BehaviourGoalId, check.Source, new Programs.PersonRef(check.ObserverId, actor.Name), check.Level, check.Evidence,
            check.ObservedOn, check.CreatedAt);
    }
}

/// <summary>A company value seen in action (which value, what was seen, by whom): either of the pair, while the mentorship runs.</summary>
public sealed class RecordValueObservation(SalesMentorDb db, Access access, OrgClock today, TimeProvider clock)
{
    public async Task<Result<ValueObservationView>> HandleAsync(Actor actor, Guid mentorshipId, ValueObservationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = await AdoptionRules.WriterAsync(db, access, actor, mentorshipId, ct);
        if (!writer.IsSuccess) return writer.Error!;
        var value = await db.CompanyValues.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.ValueId && !v.Archived, ct);
        if (value is null) return Error.Validation("value_observation.value", "Choose a value from the catalog.");
        var seen = TextRules.Read(request.WhatWasSeen, "value_observation.text", "what was seen", HealthLimits.Evidence, required: true, multiline: true);
        if (!seen.IsSuccess) return seen.Error!;
        var day = AdoptionRules.Day(request.ObservedOn, await today.TodayAsync(ct), "value_observation.day");
        if (!day.IsSuccess) return day.Error!;
        var observation = new ValueObservation
        {
            MentorshipId = mentorshipId, ValueId = value.Id, ObserverId = actor.PersonId!.Value, Source = AdoptionRules.SourceOf(writer.Value),
            WhatWasSeen = seen.Value!, ObservedOn = day.Value, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ValueObservations.Add(observation);
        await db.SaveChangesAsync(ct);
        return new ValueObservationView(observation.Id, value.Id, value.Name, observation.Source, new Programs.PersonRef(observation.ObserverId, actor.Name),
            observation.WhatWasSeen, observation.ObservedOn, observation.CreatedAt);
    }
}
