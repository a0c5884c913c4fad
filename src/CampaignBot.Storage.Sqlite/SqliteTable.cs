using System.Reflection;

namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// A table whose columns are a record's properties one for one (named as <see cref="SqliteRows"/> names them), keyed by
/// its first column (or its first few, for a composite key). The columns are listed once; the inserts, the update, the
/// look-up by key and the lists are made from that list, and a row is bound by the same names it is read back with. A
/// store whose table is all it keeps derives from it (its interface's get, upsert and list are these); a store of
/// several tables holds one each.
/// </summary>
internal class SqliteTable<T>
    where T : class
{
    private readonly SqliteDatabase _database;
    private readonly Func<SqliteDataReader, T> _read;
    private readonly string[] _key;
    private readonly PropertyInfo[] _required;
    private readonly string _values;
    private readonly string _get;
    private readonly string _update;

    /// <param name="keyColumns">How many of the first columns make the key (the primary key, in its order).</param>
    /// <param name="read">How a row is read; by default <see cref="SqliteRows.Read{T}(SqliteDataReader)"/>, which needs a record with setters.</param>
    /// <param name="required">The columns besides the key that a row written must not leave blank.</param>
    public SqliteTable(
        SqliteDatabase database, string name, string columns, Func<SqliteDataReader, T>? read = null, int keyColumns = 1, IReadOnlyList<string>? required = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(columns);
        _database = database;
        _read = read ?? SqliteRows.Read<T>;
        Name = name;
        Columns = columns;
        ColumnList = columns.Split(',', StringSplitOptions.TrimEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyColumns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keyColumns, ColumnList.Count);
        _key = [.. ColumnList.Take(keyColumns)];
        Key = string.Join(", ", _key);
        _required = [.. _key.Concat(required ?? []).Select(SqliteRows.Property<T>)];
        _values = string.Join(", ", ColumnList.Select(c => "@" + c));
        Select = $"SELECT {columns} FROM {name}";
        var keyMatches = string.Join(" AND ", _key.Select(c => $"{c} = @{c}"));
        _get = $"{Select} WHERE {keyMatches};";
        _update = $"UPDATE {name} SET {string.Join(", ", ColumnList.Skip(keyColumns).Select(c => $"{c} = @{c}"))} WHERE {keyMatches};";
    }

    public string Name { get; }

    /// <summary>The columns, comma-separated, in the order they are selected and inserted.</summary>
    public string Columns { get; }

    public IReadOnlyList<string> ColumnList { get; }

    /// <summary>The key columns, comma-separated: their properties (and the required ones) must not be blank in a row that is written.</summary>
    public string Key { get; }

    /// <summary>"SELECT columns FROM table", for a caller's own WHERE and ORDER BY.</summary>
    public string Select { get; }

    /// <summary>"<paramref name="verb"/> INTO table (columns) VALUES (@column, …) <paramref name="tail"/>;", bound with <see cref="Bind"/>.</summary>
    public string Insert(string verb = "INSERT", string tail = "") =>
        $"{verb} INTO {Name} ({Columns}) VALUES ({_values}){(tail.Length == 0 ? string.Empty : " " + tail)};";

    public void Bind(SqliteParameterCollection parameters, T row) => SqliteRows.Bind(parameters, row, ColumnList);

    /// <summary>The row as given, in place of any row with its key (INSERT OR REPLACE).</summary>
    public Task UpsertAsync(T row, CancellationToken cancellationToken)
    {
        Check(row);
        return _database.ExecuteAsync(Insert("INSERT OR REPLACE"), p => Bind(p, row), cancellationToken);
    }

    /// <summary>True when the row went in; false when one with its key is there already (the key decides, so of racing inserts one wins).</summary>
    public Task<bool> TryInsertAsync(T row, CancellationToken cancellationToken)
    {
        Check(row);
        return _database.ChangesOneAsync(Insert(tail: $"ON CONFLICT ({Key}) DO NOTHING"), p => Bind(p, row), cancellationToken);
    }

    /// <summary>True when the row went in; false when its key, or any other unique index, refuses it (INSERT OR IGNORE).</summary>
    public Task<bool> InsertOrIgnoreAsync(T row, CancellationToken cancellationToken)
    {
        Check(row);
        return _database.ChangesOneAsync(Insert("INSERT OR IGNORE"), p => Bind(p, row), cancellationToken);
    }

    /// <summary>Every column but the key set from the row, where the key matches; false when no row has it.</summary>
    public Task<bool> UpdateAsync(T row, CancellationToken cancellationToken)
    {
        Check(row);
        return _database.ChangesOneAsync(_update, p => Bind(p, row), cancellationToken);
    }

    public Task<T?> GetAsync(string key, CancellationToken cancellationToken) => GetAsync([key], cancellationToken);

    /// <summary>The row of a two-column key.</summary>
    public Task<T?> GetAsync(string first, string second, CancellationToken cancellationToken) => GetAsync([first, second], cancellationToken);

    /// <summary>Every row, by key.</summary>
    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) =>
        _database.QueryAsync($"{Select} ORDER BY {Key};", SqliteDatabase.NoParameters, _read, cancellationToken);

    /// <summary>The rows whose <paramref name="column"/> is <paramref name="value"/> (not blank), ordered by <paramref name="orderBy"/>.</summary>
    public Task<IReadOnlyList<T>> ListByAsync(string column, string value, string orderBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return _database.QueryAsync($"{Select} WHERE {column} = @value ORDER BY {orderBy};", p => p.Set("@value", value), _read, cancellationToken);
    }

    /// <summary>The rows a caller's WHERE (and ORDER BY) picks, bound by <paramref name="bind"/>.</summary>
    public Task<IReadOnlyList<T>> ListWhereAsync(string whereAndOrder, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        _database.QueryAsync($"{Select} {whereAndOrder};", bind, _read, cancellationToken);

    private Task<T?> GetAsync(string[] key, CancellationToken cancellationToken)
    {
        if (key.Length != _key.Length)
        {
            throw new InvalidOperationException($"The table {Name} is keyed by {Key}.");
        }

        foreach (var part in key)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(part, nameof(key));
        }

        return _database.QuerySingleAsync(
            _get,
            p =>
            {
                for (var i = 0; i < key.Length; i++)
                {
                    p.Set("@" + _key[i], key[i]);
                }
            },
            _read,
            cancellationToken);
    }

    private void Check(T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var property in _required)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(property.GetValue(row) as string, nameof(row));
        }
    }
}
