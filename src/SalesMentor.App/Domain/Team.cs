namespace SalesMentor.App.Domain;

public sealed class Team : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid? RegionId { get; set; }
    public Region? Region { get; set; }
    public int Version { get; set; }
}

public sealed class Region : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public int Version { get; set; }
}
