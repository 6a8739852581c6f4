namespace SalesMentor.Core.Demo;

/// <summary>
/// Generates a realistic demo sales organization as a pure function of <see cref="DemoOptions"/>:
/// the same size, seed and AsOf give the same people, ids, quotas and sales data, on every machine.
/// </summary>
public static class DemoGenerator
{
    /// <summary>
    /// Builds the organization and its performance plan; the sales data is generated later, on demand, per rep
    /// (see <see cref="DemoOrganization.OpportunitiesOf"/>). Fast even for <see cref="DemoSize.Large"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Currency or email domain is blank.</exception>
    public static DemoOrganization Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Currency);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EmailDomain);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AsOf.Year, 100);

        // The steps of DemoPlan, in order.
        var scale = DemoScale.For(options.Size);
        var built = BuildOrganization.Build(options, scale);
        var (logins, roster) = ChooseLogins.Choose(built, options.EmailDomain);
        var plan = PlanPerformance.Plan(options.Seed, roster);
        var quotas = PlanQuotas.Plan(options, scale, roster, plan);

        var (mentoring, final) = PlanMentoring.Plan(options.Seed, roster, plan, logins, options.AsOf, options.Size == DemoSize.Large);

        return new DemoOrganization(new DemoSource(options, scale, roster.WindowStart, roster.CrmPod), roster, final, quotas, logins, mentoring);
    }
}
