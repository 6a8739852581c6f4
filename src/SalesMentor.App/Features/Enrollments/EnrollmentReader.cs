using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Mentoring;
using SalesMentor.Core.People;

namespace SalesMentor.App.Features.Enrollments;

/// <summary>Reads an enrollment into the view its reader may see; the access rules come from <see cref="Access"/>.</summary>
internal sealed class EnrollmentReader(SalesMentorDb db, KpiCache kpis)
{
    public async Task<EnrollmentView> ReadAsync(Enrollment e, MentorshipProgram program, EnrollmentRights rights, CancellationToken ct)
    {
        var mentor = e.Side == EnrollmentSide.Mentor;
        var profile = Access.CanSeeProfile(rights);
        var people = await NamesAsync([e.PersonId, .. e.Preferences, .. e.Avoid], ct);
        var skillNames = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Name, ct);
        var valueNames = await db.CompanyValues.AsNoTracking().Where(v => e.ValueIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);

        var skills = new List<SkillLevelView>();
        if (profile)
        {
            var showMentorOnly = Access.CanSeeMentorOnlyGaps(rights);
            var rows = await db.SkillRatings.AsNoTracking().Where(r => r.EnrollmentId == e.Id).ToListAsync(ct);
            skills.AddRange(rows.Where(r => mentor || r.Visibility == GapVisibility.ShareForMatching || showMentorOnly)
                .OrderByDescending(r => r.Level).ThenBy(r => r.SkillKey, StringComparer.Ordinal)
                .Select(r => new SkillLevelView(r.SkillKey, skillNames.GetValueOrDefault(r.SkillKey, r.SkillKey), r.Level, r.Source, r.Visibility)));
        }

        var ratings = await db.AttributeRatings.AsNoTracking().Where(r => r.EnrollmentId == e.Id).ToListAsync(ct);
        var self = profile ? Scores(ratings.Where(r => r.Relation == RaterRelation.Self), mentor) : [];
        // The supervisor who rated sees their own rating on the rating page, not here.
        var supervisorRatings = Access.CanSeeSupervisorRatings(rights) ? ratings.Where(r => r.Relation == RaterRelation.Supervisor).ToList() : [];

        PeerRatingsView? peers = null;
        var invitations = new List<RatingInvitationRow>();
        var manager = (rights & EnrollmentRights.Manager) != 0;
        var owner = (rights & EnrollmentRights.Owner) != 0;
        if (mentor && (owner || manager))
        {
            var peerRatings = ratings.Where(r => r.Relation == RaterRelation.Peer).ToList();
            var raters = peerRatings.Select(r => r.RaterId).Distinct().Count();
            var invited = await db.RatingInvitations.CountAsync(i => i.EnrollmentId == e.Id && i.Relation == RaterRelation.Peer, ct);
            var hidden = !manager && raters < Access.MinimumPeerRaters;
            peers = new PeerRatingsView(raters, invited, hidden, hidden ? [] : Scores(peerRatings, mentor: true));
        }

        if (manager)
        {
            var rows = await db.RatingInvitations.AsNoTracking().Where(i => i.EnrollmentId == e.Id).ToListAsync(ct);
            var raterNames = await NamesAsync(rows.Select(i => i.RaterId), ct);
            invitations.AddRange(rows.OrderBy(i => i.CreatedAt).Select(i => new RatingInvitationRow(i.Id, raterNames.GetValueOrDefault(i.RaterId), i.Relation, i.CompletedAt is not null, i.CreatedAt)));
        }

        EligibilityView? eligibility = null;
        if (mentor && Access.CanSeeReflection(rights))
        {
            var snapshot = await kpis.GetAsync(ct);
            eligibility = Eligibility.Of(program, e, Eligibility.VerdictOf(snapshot, e.PersonId), showOverrideReason: manager);
        }

        var ownOrManager = owner || manager;
        return new EnrollmentView(
            e.Id, e.ProgramId, program.Name, new PersonRef(e.PersonId, people.GetValueOrDefault(e.PersonId, "")), e.Side, e.Withdrawn, e.Capacity,
            profile ? e.Statement : null, profile ? e.Availability : null, profile ? e.TimeZone : null,
            profile ? [.. e.ValueIds.Where(valueNames.ContainsKey).Select(id => new ValueRef(id, valueNames[id]))] : [],
            skills, self, Scores(supervisorRatings, mentor), peers,
            Access.CanSeeReflection(rights) ? [.. e.Reflection.Select(r => new ReflectionAnswerView(r.Answer, r.Attributes))] : [],
            ownOrManager ? Refs(e.Preferences, people) : [], ownOrManager ? Refs(e.Avoid, people) : [],
            eligibility, invitations, e.Version);
    }

    /// <summary>The mean score per attribute, in the article's order.</summary>
    public static IReadOnlyList<AttributeScoreView> Scores(IEnumerable<AttributeRating> ratings, bool mentor)
    {
        var byKey = ratings.GroupBy(r => r.Attribute).ToDictionary(g => g.Key, g => g.Average(r => r.Score), StringComparer.Ordinal);
        return [.. (mentor ? MentoringAttributes.Mentor : MentoringAttributes.Mentee).Where(a => byKey.ContainsKey(a.Key))
            .Select(a => new AttributeScoreView(a.Key, a.Name, Math.Round(byKey[a.Key], 2)))];
    }

    public async Task<Dictionary<PersonId, string>> NamesAsync(IEnumerable<PersonId> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private static List<PersonRef> Refs(IEnumerable<PersonId> ids, Dictionary<PersonId, string> names) =>
        [.. ids.Where(names.ContainsKey).Select(id => new PersonRef(id, names[id]))];
}
