using Microsoft.AspNetCore.Identity;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>A sign-in account. Each account belongs to exactly one <see cref="Person"/>.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public PersonId PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>A disabled account cannot sign in; its sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
}
