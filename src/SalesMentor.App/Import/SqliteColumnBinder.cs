using System.Collections.Concurrent;
using System.Linq.Expressions;
using SQLitePCL;

namespace SalesMentor.App.Import;

/// <summary>
/// Binds one column of <typeparamref name="T"/> rows into prepared SQLite statements, reading the property typed (a
/// compiled getter with the model's value converter inlined) instead of through EF's boxed getter, and skipping a value
/// equal to the one already bound at the same place — SQLite keeps a statement's values after each step and reset, and
/// the source, the import time, the version and empty columns repeat from row to row. Each place (a parameter of a
/// statement the writer keeps) has a slot of its own. A column without a CLR property falls back to the boxed getter.
/// </summary>
internal abstract class SqliteColumnBinder<T> where T : class
{
    // The getters depend on the entity type and its property only (the SQLite model's converters), so they are compiled
    // once per process, not once per import.
    private static readonly ConcurrentDictionary<string, Delegate> Getters = new(StringComparer.Ordinal);

    /// <summary>Binds the row's value at <paramref name="index"/> (1-based) unless slot <paramref name="slot"/> holds it already; SQLite's result code.</summary>
    public abstract int BindChanged(sqlite3_stmt statement, int slot, int index, T row);

    /// <summary>Binds the row's value at <paramref name="index"/> (1-based) in a statement without slots; SQLite's result code.</summary>
    public abstract int Bind(sqlite3_stmt statement, int index, T row);

    /// <param name="slots">How many places the writer binds this column at, each remembered apart.</param>
    public static SqliteColumnBinder<T> For(TableColumn column, int slots)
    {
        ArgumentNullException.ThrowIfNull(column);
        var kind = SqliteValues.KindOf(column.Mapping.StoreType);
        if (column.Property?.PropertyInfo is not { } info || info.GetMethod is null)
        {
            return new Typed<object?>(row => column.ProviderValue(row), kind, slots);
        }

        var getter = Getters.GetOrAdd(typeof(T).FullName + "." + info.Name, _ => Compile(info, column.Mapping.Converter));
        var valueType = getter.GetType().GetGenericArguments()[1];
        return (SqliteColumnBinder<T>)Activator.CreateInstance(typeof(Typed<>).MakeGenericType(typeof(T), valueType), getter, kind, slots)!;
    }

    // row => row.Property, converted to the provider's type when the model has a converter; null stays null (EF never
    // passes null to a converter).
    private static Delegate Compile(System.Reflection.PropertyInfo info, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression value = Expression.Property(row, info);
        Expression body;
        if (converter is null)
        {
            body = value;
        }
        else
        {
            var provider = converter.ProviderClrType;
            var result = provider.IsValueType && Nullable.GetUnderlyingType(provider) is null && CanBeNull(info.PropertyType) ? typeof(Nullable<>).MakeGenericType(provider) : provider;
            Expression Convert(Expression model) =>
                Expression.Convert(Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(model, converter.ModelClrType)), result);
            body = Nullable.GetUnderlyingType(info.PropertyType) is not null
                ? Expression.Condition(Expression.Property(value, "HasValue"), Convert(Expression.Property(value, "Value")), Expression.Default(result))
                : !info.PropertyType.IsValueType
                    ? Expression.Condition(Expression.ReferenceEqual(value, Expression.Constant(null)), Expression.Default(result), Convert(value))
                    : Convert(value);
        }

        return Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), body.Type), body, row).Compile();
    }

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private sealed class Typed<V>(Func<T, V> get, SqliteValue kind, int slots) : SqliteColumnBinder<T>
    {
        private readonly V[] _last = new V[slots];
        private readonly bool[] _bound = new bool[slots];

        public override int BindChanged(sqlite3_stmt statement, int slot, int index, T row)
        {
            var value = get(row);
            // Floating-point values are always bound: 0.0 equals -0.0 in .NET, not in storage.
            if (_bound[slot] && typeof(V) != typeof(double) && typeof(V) != typeof(float) && typeof(V) != typeof(object) &&
                EqualityComparer<V>.Default.Equals(_last[slot], value))
            {
                return raw.SQLITE_OK;
            }

            _bound[slot] = false;
            var rc = SqliteValues.Bind(statement, index, value, kind);
            if (rc != raw.SQLITE_OK) return rc;
            _last[slot] = value;
            _bound[slot] = true;
            return rc;
        }

        public override int Bind(sqlite3_stmt statement, int index, T row) => SqliteValues.Bind(statement, index, get(row), kind);
    }
}
