namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// How values sit in columns: times as UTC ticks (exact and sortable), enums by name (readable in the
/// file), dates as ISO text (sortable), absent values as NULL.
/// </summary>
internal static class SqliteValues
{
    /// <summary>How a date without a time is stored: ISO text, so it sorts.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    public static SqliteParameterCollection Set(this SqliteParameterCollection parameters, string name, object? value)
    {
        parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.UtcTicks,
            TimeSpan span => span.Ticks,
            Enum member => member.ToString(),
            bool flag => flag ? 1L : 0L,
            DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
            _ => value,
        });
        return parameters;
    }

    public static DateTimeOffset Time(this SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    public static string? TextOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static TimeSpan? SpanOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TimeSpan.FromTicks(reader.GetInt64(ordinal));

    public static TEnum Enum<TEnum>(this SqliteDataReader reader, int ordinal)
        where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>(reader.GetString(ordinal));

    public static bool Flag(this SqliteDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    /// <summary>The clause that says a lease is free at @now: never taken, or run out.</summary>
    public const string LeaseFree = "(lease_until IS NULL OR lease_until <= @now)";

    public static void RequireOwner(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
    }

    public static void RequireClaim(TimeSpan lease, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }
}
