namespace CampaignBot.Core.Features.Organisation;

/// <summary>Settings of the address book sync (section "WeCom:ContactSync").</summary>
public sealed class ContactSyncOptions
{
    public const string SectionName = "WeCom:ContactSync";

    public bool Enabled { get; set; }

    /// <summary>How often the whole address book is read again (change events keep it current in between).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Department id → unit id, for departments that are units of the campaign file or of an import.</summary>
    public Dictionary<string, string> DepartmentUnits { get; set; } = [];

    /// <summary>The unit that stands for the address book's top department (usually 1), when it is not in <see cref="DepartmentUnits"/>.</summary>
    public string? RootUnit { get; set; }

    /// <summary>The unit kind of a department that no import or file names.</summary>
    public string UnitKind { get; set; } = "township";

    /// <summary>The custom attribute (自定义字段) holding the rank, by name; without it the rank comes from the member import.</summary>
    public string? RankAttribute { get; set; }

    /// <summary>The custom attribute holding the role; without it the role comes from the member import, else member.</summary>
    public string? RoleAttribute { get; set; }

    /// <summary>The rank of a synced user that neither the attribute nor the member import gives.</summary>
    public string DefaultRank { get; set; } = "ordinary";

    /// <summary>How many rows a page of the user id list asks for (WeCom allows 1–10,000).</summary>
    public int PageSize { get; set; } = 10_000;
}

/// <summary>Checks the sync's settings against the campaign at start-up, naming the setting that is wrong.</summary>
public sealed class ContactSyncOptionsValidator(CampaignDefinition campaign) : IValidateOptions<ContactSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (campaign.FindUnitKind(options.UnitKind) is null)
        {
            errors.Add($"WeCom:ContactSync:UnitKind '{options.UnitKind}' is not a unit kind of the campaign ({string.Join(", ", campaign.UnitKinds.Select(k => k.Code))}).");
        }

        if (campaign.FindRank(options.DefaultRank) is null)
        {
            errors.Add($"WeCom:ContactSync:DefaultRank '{options.DefaultRank}' is not a rank of the campaign ({string.Join(", ", campaign.Ranks.Select(r => r.Code))}).");
        }

        if (options.Interval < TimeSpan.FromMinutes(5))
        {
            errors.Add("WeCom:ContactSync:Interval must be at least 00:05:00.");
        }

        if (options.PageSize is < 1 or > 10_000)
        {
            errors.Add("WeCom:ContactSync:PageSize must be between 1 and 10000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
