using System.Reflection;
using Xunit.Sdk;

namespace SalesMentor.App.Tests.Infrastructure;

/// <summary>Runs a use-case test once on SQLite and once on PostgreSQL, always both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [Provider.Sqlite],
        [Provider.Postgres],
    ];
}
