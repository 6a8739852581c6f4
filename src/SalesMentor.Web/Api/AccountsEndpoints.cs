using Microsoft.AspNetCore.Http.HttpResults;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Accounts;
using SalesMentor.Core.People;

namespace SalesMentor.Web.Api;

/// <summary>Admin actions on accounts. None of them ever returns a link or token: those go to the person's mailbox.</summary>
public static class AccountsEndpoints
{
    public static void MapAccountsEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts).WithName("ListAccounts");
        accounts.MapPost("/{personId:guid}/invite", Invite).WithName("InviteAccount");
        accounts.MapPost("/{personId:guid}/reset-password", ResetPassword).WithName("ResetAccountPassword");
        accounts.MapPost("/{personId:guid}/disable", Disable).WithName("DisableAccount");
        accounts.MapPost("/{personId:guid}/enable", Enable).WithName("EnableAccount");
        accounts.MapPost("/{personId:guid}/admin", GrantAdmin).WithName("GrantAdmin");
        accounts.MapDelete("/{personId:guid}/admin", RevokeAdmin).WithName("RevokeAdmin");
    }

    private static async Task<Results<Ok<Paged<AccountRow>>, ProblemHttpResult>> ListAccounts(
        HttpContext http, ListAccounts useCase, string? search, int? page, int? pageSize, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new ListAccountsRequest(search, new PageRequest(page ?? 0, pageSize ?? 25)), ct)).ToHttp();

    private static async Task<Results<Ok<AccountActionResult>, ProblemHttpResult>> Invite(HttpContext http, InviteAccount useCase, Guid personId, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(personId), http.Request.BaseUrl(), ct)).ToHttp();

    private static async Task<Results<Ok<AccountActionResult>, ProblemHttpResult>> ResetPassword(HttpContext http, ResetAccountPassword useCase, Guid personId, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(personId), http.Request.BaseUrl(), ct)).ToHttp();

    private static async Task<Results<Ok<AccountActionResult>, ProblemHttpResult>> Disable(HttpContext http, SetAccountDisabled useCase, Guid personId, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(personId), disabled: true, ct)).ToHttp();

    private static async Task<Results<Ok<AccountActionResult>, ProblemHttpResult>> Enable(HttpContext http, SetAccountDisabled useCase, Guid personId, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(personId), disabled: false, ct)).ToHttp();

    private static async Task<Results<Ok<AccountActionResult>, ProblemHttpResult>> GrantAdmin(HttpContext http, SetAccountAdmin useCase, Guid personId, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(personId), admin: true, ct)).ToHttp();

    private static async Task<Results<Ok<AccountActionResult>, ProblemHttpResult>> RevokeAdmin(HttpContext http, SetAccountAdmin useCase, Guid personId, CancellationToken ct) =>
        (await useCase.HandleAsync(http.Actor(), new PersonId(personId), admin: false, ct)).ToHttp();
}
