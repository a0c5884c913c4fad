using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>Typed values: each getter reports a wrong type with the text that was written, and returns null.</summary>
internal sealed partial class CampaignYamlMap
{
    /// <summary>The longest <c>name_en</c> (a name on a button); the longest English prompt or description.</summary>
    public const int MaxEnglishName = 80;

    public const int MaxEnglishText = 600;

    /// <summary>The optional <c>name_en</c> beside <c>name</c>.</summary>
    public string? EnglishName() => English("name_en", MaxEnglishName);

    public string? Text(string key, bool required = true)
    {
        var value = required ? Required(key) : Find(key);
        return value is null || CampaignYamlValues.IsNull(value) ? null : Scalar(key, value);
    }

    /// <summary>
    /// The optional English beside a Chinese text (<c>name_en</c>, <c>prompt_en</c>): shown to English readers, the Chinese
    /// where it is absent or empty. Longer than <paramref name="maxLength"/> is an error: it is read on a phone.
    /// </summary>
    public string? English(string key, int maxLength)
    {
        var value = Find(key);
        if (value is null || CampaignYamlValues.IsNull(value) || Scalar(key, value) is not { } text || text.Trim() is not { Length: > 0 } english)
        {
            return null;
        }

        if (english.Length > maxLength)
        {
            errors.Add(value, $"{Where(key)} 太长（{english.Length} 个字符，最多 {maxLength} 个）；英文会显示在手机的按钮和消息里，请写得简短些。");
            return null;
        }

        return english;
    }

    public int? Int(string key, int minimum, bool required = true)
    {
        var value = required ? Required(key) : Find(key);
        return value is null || CampaignYamlValues.IsNull(value) ? null : ParseInt(key, value, minimum);
    }

    /// <summary>A number whose key must be written but may be null (~), meaning "the unit decides".</summary>
    public int? IntOrNull(string key, int minimum)
    {
        var value = Find(key);
        if (value is null)
        {
            errors.Add(node, $"{Path} 缺少必填的键 {key}（由单位自定时写 ~）。");
            return null;
        }

        return CampaignYamlValues.IsNull(value) ? null : ParseInt(key, value, minimum);
    }

    public decimal? Decimal(string key, bool required = true)
    {
        var value = required ? Required(key) : Find(key);
        if (value is null || CampaignYamlValues.IsNull(value) || Scalar(key, value) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(value, $"{Where(key)} 应为数字（例如 0.8），实际是“{text}”。");
        return null;
    }

    public DateOnly? Date(string key, bool required = true)
    {
        var value = required ? Required(key) : Find(key);
        if (value is null || CampaignYamlValues.IsNull(value) || Scalar(key, value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(value, $"{Where(key)} 应为日期，格式如 2027-01-01，实际是“{text}”。");
        return null;
    }

    public bool? Bool(string key)
    {
        var value = Required(key);
        if (value is null || Scalar(key, value) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        errors.Add(value, $"{Where(key)} 应为 true 或 false，实际是“{text}”。");
        return null;
    }

    private string? Scalar(string key, YamlNode value)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        errors.Add(value, $"{Where(key)} 应为单个值，实际是{CampaignYamlValues.Describe(value)}。");
        return null;
    }

    private int? ParseInt(string key, YamlNode value, int minimum)
    {
        if (Scalar(key, value) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(value, $"{Where(key)} 应为整数，实际是“{text}”。");
            return null;
        }

        if (number < minimum)
        {
            var rule = minimum == 0 ? "不能为负数" : $"至少为 {minimum}";
            errors.Add(value, $"{Where(key)} {rule}，实际是 {number}。");
            return null;
        }

        return number;
    }
}
