using System.Collections.Frozen;
using System.Reflection;

namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Maps a record to a BSON document and back by convention: property <c>MemberId</c> is field <c>memberId</c>, the
/// key property is <c>_id</c>; times are BSON dates, enums their names, dates ISO text, absent values BSON null. For
/// the stores whose documents are their records' properties one for one, so the fields are not listed twice by hand.
/// A field missing from an older document leaves the property as the record declares it.
/// </summary>
internal sealed class MongoRecords<T>
    where T : class
{
    private readonly FrozenDictionary<string, PropertyInfo> _byField;

    public MongoRecords(string keyProperty)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyProperty);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).ToList();
        if (!properties.Exists(p => p.Name == keyProperty))
        {
            throw new ArgumentException($"{typeof(T).Name} has no property {keyProperty}.", nameof(keyProperty));
        }

        Fields = [.. properties.Select(p => (p.Name == keyProperty ? "_id" : FieldName(p.Name), p))];
        _byField = Fields.ToFrozenDictionary(f => f.Field, f => f.Property, StringComparer.Ordinal);
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

    public T FromDocument(BsonDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
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
