namespace CampaignBot.Core.Campaign;

/// <summary>
/// Something of the campaign file that people read by name: its Chinese <see cref="Name"/> and, where the file gives one
/// (<c>name_en:</c>), its <see cref="EnglishName"/>.
/// </summary>
public interface ICampaignNamed
{
    string Name { get; }

    string? EnglishName { get; }
}

/// <summary>The campaign file's names in the reader's language: the English where written, else the Chinese, never empty.</summary>
public static class CampaignNames
{
    /// <summary>Both languages as one text, resolved when the reader is known; the Chinese stands in for a missing English.</summary>
    public static Text Names(this ICampaignNamed item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Both(item.Name, item.EnglishName);
    }

    public static string NameIn(this ICampaignNamed item, Language language) => item.Names().In(language);

    /// <summary>The item's names, or <paramref name="fallback"/> (its code, say) in both languages when there is no item.</summary>
    public static Text NamesOr(this ICampaignNamed? item, string fallback) => item?.Names() ?? new Text(fallback, fallback);

    /// <summary>A typed answer naming this item: its Chinese name, or its English one in any case.</summary>
    public static bool IsCalled(this ICampaignNamed item, string word)
    {
        ArgumentNullException.ThrowIfNull(item);
        var typed = word?.Trim() ?? string.Empty;
        return typed.Length > 0 && (typed == item.Name || (item.EnglishName is { } english && typed.Equals(english, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A Chinese text and its optional English as one text.</summary>
    public static Text Both(string chinese, string? english) =>
        new(chinese, string.IsNullOrWhiteSpace(english) ? chinese : english);
}
