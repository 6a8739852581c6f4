using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SalesMentor.App.Data;

/// <summary>Used by <c>dotnet ef</c> only, to generate each provider's migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesMentorDb>
{
    public SqliteSalesMentorDb CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteSalesMentorDb>)DataServices.ConfigureSqlite(new DbContextOptionsBuilder<SqliteSalesMentorDb>(), "Data Source=design-time.db").Options);
}

/// <summary>Used by <c>dotnet ef</c> only; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesMentorDb>
{
    public PostgresSalesMentorDb CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresSalesMentorDb>)DataServices.ConfigurePostgres(new DbContextOptionsBuilder<PostgresSalesMentorDb>(), "Host=localhost;Database=design_time").Options);
}
