namespace SalesMentor.App.Domain;

/// <summary>
/// An editable record guarded by optimistic concurrency: <see cref="Version"/> is the
/// concurrency token, raised by one on every save (see <c>VersionInterceptor</c>).
/// An edit made against an older version is refused with a conflict, never applied silently.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
