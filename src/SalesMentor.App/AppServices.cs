using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Accounts;
using SalesMentor.App.Mail;
using SalesMentor.App.Security;

namespace SalesMentor.App;

/// <summary>Everything both hosts (web and command line) need: data, identity core, mail, use cases.</summary>
public static class AppServices
{
    public static IServiceCollection AddSalesMentorApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.AddSalesMentorDb();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => MailOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => SecurityOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Mailer>();
        services.AddScoped<Access>();
        services.AddSingleton<HierarchyCache>();
        services.AddSingleton<ApiTokenCache>();
        services.AddSingleton<OrgSettingsCache>();
        services.AddSingleton<Features.People.OrgUnitsCache>();
        services.AddSingleton<Features.People.DirectoryPages>();
        services.AddSingleton<ConfidentialCipher>();
        services.AddScoped<Features.Confidential.ConfidentialMail>();
        services.AddScoped<Features.Sessions.SessionSupport>();
        services.AddScoped<Features.Closing.ClosingMail>();
        services.AddScoped<Features.Health.PulseAggregates>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ApiTokenValidator>();
        services.AddScoped<OrgClock>();
        services.AddSingleton<Kpis.KpiCache>();
        services.AddScoped<Kpis.BehaviourSignalReader>();
        services.AddScoped<Features.Adoption.IBehaviourSignalSource, Features.Adoption.CrmBehaviourSignalSource>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<Features.Accounts.Leavers>();
        services.AddScoped<Features.Enrollments.ProgramMail>();
        services.AddScoped<DatabaseInitializer>();

        // Keys live in the database: the web app and the command line (and several web instances)
        // read each other's cookies and one-time links, and a backup carries them.
        services.AddDataProtection().SetApplicationName("SalesMentor").PersistKeysToDbContext<SalesMentorDb>();
        services.AddOptions<IdentityOptions>().Configure<SecurityOptions>((identity, security) => security.Apply(identity));
        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SalesMentorDb>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        foreach (var useCase in UseCaseTypes()) services.AddScoped(useCase);
        return services;
    }

    /// <summary>Every use case: a public class under <c>Features</c> with a <c>HandleAsync</c> method.</summary>
    public static IEnumerable<Type> UseCaseTypes() =>
        typeof(AppServices).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsPublic: true }
            && t.Namespace?.StartsWith("SalesMentor.App.Features", StringComparison.Ordinal) == true
            && t.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance) is not null);
}
