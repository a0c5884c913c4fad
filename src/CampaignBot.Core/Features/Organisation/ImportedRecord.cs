namespace CampaignBot.Core.Features.Organisation;

/// <summary>
/// A record that an import or the WeCom address book sync keeps in the store (a unit, a roster entry): what made it,
/// whether it is still in use, and when it last changed. <see cref="SameAs"/> says whether importing it again would change anything.
/// </summary>
public abstract record ImportedRecord
{
    public const string FromImport = "import";
    public const string FromWeCom = "wecom";

    /// <summary>What made it: <see cref="FromImport"/> or <see cref="FromWeCom"/>; each retires only its own records.</summary>
    public string Source { get; init; } = FromImport;

    /// <summary>
    /// False once a re-import or the sync left it out (a unit that still had data, a user the address book deleted): it is
    /// kept, never deleted, and can no longer be used (a unit takes no new members, a member can no longer act).
    /// </summary>
    public bool Active { get; init; } = true;

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether an import would change anything of this record (the time stamp aside).</summary>
    public bool SameAs(ImportedRecord other) =>
        other is not null && this == other with { UpdatedAt = UpdatedAt };
}
