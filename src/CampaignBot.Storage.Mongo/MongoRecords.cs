using System.Collections.Frozen;
using System.Reflection;

namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Maps a record to a BSON document and back by convention: property <c>MemberId</c> is field <c>memberId</c>, the
/// key property is <c>_id</c>; times are BSON dates, enums their names, dates ISO text, absent values BSON null. For
/// the stores whose documents are their records' properties one for one, so the fields are not listed twice by hand.
/// A field missing from an older document leaves the property as the record declares it. A positional record (no
/// parameterless constructor) is made through its constructor, each parameter from the field of its property.
/// </summary>
internal sealed class MongoRecords<T>
    where T : class
{
    private readonly FrozenDictionary<string, PropertyInfo> _byField;
    private readonly PropertyInfo[] _required;
    private readonly ConstructorInfo? _positional;
    private readonly (string Field, PropertyInfo Property, ParameterInfo Parameter)[] _arguments = [];

    /// <param name="required">The properties besides the key that a record inserted must not leave blank.</param>
    public MongoRecords(string keyProperty, params IReadOnlyList<string> required)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyProperty);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).ToList();
        if (!properties.Exists(p => p.Name == keyProperty))
        {
            throw new ArgumentException($"{typeof(T).Name} has no property {keyProperty}.", nameof(keyProperty));
        }

        Fields = [.. properties.Select(p => (p.Name == keyProperty ? "_id" : FieldName(p.Name), p))];
        _byField = Fields.ToFrozenDictionary(f => f.Field, f => f.Property, StringComparer.Ordinal);
        _required = [.. required.Prepend(keyProperty).Select(name => properties.Single(p => p.Name == name))];
        _positional = typeof(T).GetConstructor(Type.EmptyTypes) is null ? typeof(T).GetConstructors().MaxBy(c => c.GetParameters().Length) : null;
        if (_positional is not null)
        {
            var byProperty = Fields.ToDictionary(f => f.Property.Name, StringComparer.OrdinalIgnoreCase);
            _arguments = [.. _positional.GetParameters().Select(parameter => byProperty.TryGetValue(parameter.Name!, out var field)
                ? (field.Field, field.Property, parameter)
                : throw new NotSupportedException($"{typeof(T).Name}'s constructor takes {parameter.Name}, which is no property."))];
        }
    }

    /// <summary>The fields in the record's property order.</summary>
    public IReadOnlyList<(string Field, PropertyInfo Property)> Fields { get; }

    /// <summary>"MemberId" → "memberId".</summary>
    private static string FieldName(string propertyName)
    {
        ArgumentException.ThrowIfNullOrEmpty(propertyName);
        return char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
    }

    public BsonDocument ToDocument(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var doc = new BsonDocument();
        foreach (var (field, property) in Fields)
        {
            doc.Add(field, ToBson(property.GetValue(value), property));
        }

        return doc;
    }

    /// <summary>Inserts the record when its key and required properties are not blank; false when its key is already taken.</summary>
    public Task<bool> TryInsertAsync(IMongoCollection<BsonDocument> collection, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var property in _required)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(property.GetValue(value) as string, nameof(value));
        }

        return MongoBson.TryInsertAsync(collection, ToDocument(value), cancellationToken);
    }

    public T FromDocument(BsonDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (_positional is not null)
        {
            return FromPositional(doc, _positional);
        }

        var value = Activator.CreateInstance<T>();
        foreach (var element in doc)
        {
            if (_byField.TryGetValue(element.Name, out var property))
            {
                property.SetValue(value, element.Value.IsBsonNull ? null : FromBson(element.Value, property));
            }
        }

        return value;
    }

    private T FromPositional(BsonDocument doc, ConstructorInfo constructor)
    {
        var arguments = _arguments.Select(a => doc.TryGetValue(a.Field, out var element) && !element.IsBsonNull
            ? FromBson(element, a.Property)
            : a.Parameter.HasDefaultValue ? a.Parameter.DefaultValue : null);
        return (T)constructor.Invoke([.. arguments]);
    }

    private static BsonValue ToBson(object? value, PropertyInfo property) => value switch
    {
        null => BsonNull.Value,
        string text => new BsonString(text),
        int number => new BsonInt32(number),
        long number => new BsonInt64(number),
        bool flag => BsonBoolean.Create(flag),
        DateTimeOffset time => Date(time),
        DateOnly date => new BsonString(MongoActivityLogStore.DateText(date)),
        Enum member => new BsonString(member.ToString()),
        IEnumerable<string> texts => new BsonArray(texts),
        _ => throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no BSON form here."),
    };

    private static object FromBson(BsonValue value, PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(string) => value.AsString,
            _ when type == typeof(int) => value.ToInt32(),
            _ when type == typeof(long) => value.ToInt64(),
            _ when type == typeof(bool) => value.AsBoolean,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc)),
            _ when type == typeof(DateOnly) => MongoActivityLogStore.ParseDate(value.AsString),
            _ when type.IsEnum => Enum.Parse(type, value.AsString),
            _ when type == typeof(IReadOnlyList<string>) => value.AsBsonArray.Select(v => v.AsString).ToList(),
            _ => throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no BSON form here."),
        };
    }
}
