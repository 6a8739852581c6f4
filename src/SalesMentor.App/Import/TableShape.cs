using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SalesMentor.App.Data;

namespace SalesMentor.App.Import;

/// <summary>
/// One entity's table as the EF model maps it: the table, every column with its store type and
/// value conversion, the key column and the version column. Lets the bulk writers speak to both
/// providers without hand-written SQL per entity, so a column added to the model is written too.
/// </summary>
internal sealed class TableShape
{
    private TableShape(string table, IReadOnlyList<TableColumn> columns, int key, int version)
    {
        Table = table;
        Columns = columns;
        Key = key;
        Version = version;
    }

    /// <summary>The table name, quoted for the provider.</summary>
    public string Table { get; }
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Index of the single-column primary key in <see cref="Columns"/>.</summary>
    public int Key { get; }

    /// <summary>Index of the <c>Version</c> column, or -1 when the entity has none.</summary>
    public int Version { get; }

    public static TableShape For<T>(SalesMentorDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var helper = db.GetService<ISqlGenerationHelper>();
        var keyProperty = entity.FindPrimaryKey()?.Properties.SingleOrDefault()
            ?? throw new InvalidOperationException($"{typeof(T).Name} needs a single-column key for bulk writes.");
        var columns = new List<TableColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetColumnName(table) is not { } name) continue;
            var mapping = property.GetRelationalTypeMapping();
            var getter = property.GetGetter();
            var converter = mapping.Converter;
            columns.Add(new TableColumn(helper.DelimitIdentifier(name), property.ClrType, property.IsNullable, mapping,
                entity => getter.GetClrValueUsingContainingEntity(entity) is { } value ? converter is null ? value : converter.ConvertToProvider(value) : null,
                property == keyProperty, property.Name == nameof(Domain.IVersioned.Version)) { Property = property });
        }

        return new TableShape(helper.DelimitIdentifier(table.Name, table.Schema), columns,
            columns.FindIndex(c => c.IsKey), columns.FindIndex(c => c.IsVersion));
    }
}

/// <param name="Name">The column name, quoted for the provider.</param>
/// <param name="ProviderValue">The entity's value in the form the provider stores (value converters applied); null for SQL NULL.</param>
internal sealed record TableColumn(string Name, Type ClrType, bool Nullable, RelationalTypeMapping Mapping, Func<object, object?> ProviderValue, bool IsKey, bool IsVersion)
{
    /// <summary>The model's property, for writers that read it typed (<see cref="SqliteColumnBinder{T}"/>).</summary>
    public IProperty? Property { get; init; }

    /// <summary>A value of the column's type, to let the type mapping configure a reusable parameter.</summary>
    public object Sample => ClrType == typeof(string) ? "" : Activator.CreateInstance(System.Nullable.GetUnderlyingType(ClrType) ?? ClrType)!;
}
