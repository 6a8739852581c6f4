using SalesMentor.Core.People;

namespace SalesMentor.App.Features.People;

/// <summary>A person as a link: id and name.</summary>
public sealed record PersonRef(PersonId Id, string Name, string? Title);

/// <summary>A row of the people directory.</summary>
public sealed record PersonRow(
    PersonId Id, string Name, string? Email, string? Title, string? Team, string? Region,
    PersonId? ManagerId, string? ManagerName, DateOnly? HireDate, DateOnly? LeftOn, bool IsActive);

/// <param name="DirectReports">Current direct reports; <paramref name="FormerReports"/> are those who have left.</param>
public sealed record PersonDetails(
    PersonId Id, string? ExternalId, string Name, string? Email, string? Title,
    Guid? TeamId, string? Team, Guid? RegionId, string? Region,
    IReadOnlyList<PersonRef> ManagerChain, IReadOnlyList<PersonRef> DirectReports, IReadOnlyList<PersonRef> FormerReports,
    DateOnly? HireDate, DateOnly? LeftOn, string? TimeZone, IReadOnlyList<string> CrmOwnerIds,
    bool IsActive, bool CanSeeSalesData, int Version, IReadOnlyList<PersonMentorshipView> Mentorships);

/// <summary>A running mentorship of the person as mentee that the caller may open (its progress page).</summary>
public sealed record PersonMentorshipView(Guid MentorshipId, PersonRef Mentor, Domain.MentorshipStage Stage);
