using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// Reads a row into a record by column name: column <c>member_id</c> fills property <c>MemberId</c>, each value
/// converted back from how <see cref="SqliteValues"/> stores it (ticks to times, names to enums, 0/1 to flags,
/// ISO text to dates). For tables whose columns are a record's properties one for one, so the columns are listed
/// once (in the SQL) instead of again as ordinals in a hand-written mapper.
/// </summary>
internal static class SqliteRows
{
    /// <summary>Every column of the row fills the property of its name; a column without one is a mistake and throws.</summary>
    public static T Read<T>(SqliteDataReader reader)
        where T : class => Read<T>(reader, reader.FieldCount);

    /// <summary>The first <paramref name="columns"/> columns fill the record; the rest are the caller's to read.</summary>
    public static T Read<T>(SqliteDataReader reader, int columns)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        var row = Activator.CreateInstance<T>();
        for (var ordinal = 0; ordinal < columns; ordinal++)
        {
            var property = Property<T>(reader.GetName(ordinal));
            property.SetValue(row, Value(reader, ordinal, property.PropertyType));
        }

        return row;
    }

    /// <summary>
    /// The way back of <see cref="Read{T}(SqliteDataReader)"/>: binds <c>@column</c> for each of <paramref name="columns"/>
    /// from the property of its name, each value stored as <see cref="SqliteValues"/> stores it.
    /// </summary>
    public static void Bind<T>(SqliteParameterCollection parameters, T row, IReadOnlyList<string> columns)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            parameters.Set("@" + column, Property<T>(column).GetValue(row));
        }
    }

    /// <summary>The property that column <paramref name="column"/> stands for; a column without one is a mistake and throws.</summary>
    internal static PropertyInfo Property<T>(string column)
        where T : class =>
        Properties<T>.ByColumn.TryGetValue(column, out var property)
            ? property
            : throw new InvalidOperationException($"The column {column} has no property on {typeof(T).Name}.");

    /// <summary>"MemberId" → "member_id".</summary>
    internal static string ColumnName(string propertyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        var column = new StringBuilder(propertyName.Length + 4);
        for (var i = 0; i < propertyName.Length; i++)
        {
            var c = propertyName[i];
            if (char.IsUpper(c) && i > 0)
            {
                column.Append('_');
            }

            column.Append(char.ToLowerInvariant(c));
        }

        return column.ToString();
    }

    private static object? Value(SqliteDataReader reader, int ordinal, Type propertyType)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        return type switch
        {
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ when type == typeof(DateTimeOffset) => reader.Time(ordinal),
            _ when type == typeof(DateOnly) => DateOnly.ParseExact(reader.GetString(ordinal), SqliteValues.DateFormat, CultureInfo.InvariantCulture),
            _ when type == typeof(TimeSpan) => TimeSpan.FromTicks(reader.GetInt64(ordinal)),
            _ when type == typeof(bool) => reader.Flag(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type.IsEnum => System.Enum.Parse(type, reader.GetString(ordinal)),
            _ => throw new NotSupportedException($"A column cannot fill {propertyType.Name} {reader.GetName(ordinal)}."),
        };
    }

    private static class Properties<T>
    {
        public static readonly FrozenDictionary<string, PropertyInfo> ByColumn = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToFrozenDictionary(p => ColumnName(p.Name), StringComparer.Ordinal);
    }
}
