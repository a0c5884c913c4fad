namespace CampaignBot.Core.Features.Contacts;

/// <summary>Whose leader a contact leader is: a city leader (市级领导) or a county leader (县级领导).</summary>
public enum ContactLevel
{
    City,
    County,
}

/// <summary>
/// One leader's contact points (全程联系): the member (by id, e.g. <c>telegram:12345</c>), the name the office wrote for
/// them, their level and the units they contact.
/// </summary>
public sealed record ContactAssignment(string LeaderId, string LeaderName, ContactLevel Level, IReadOnlyList<string> UnitIds);

/// <summary>
/// The campaign file's <c>contacts:</c> section. The rules are the source's (city leaders 1 county department + 1
/// grassroots unit; county leaders 1 village or community); the file says which unit kinds count as each, whether
/// contact leaders review their units' leadership examinations (审阅对照检查材料), and the leaders known at start.
/// </summary>
public sealed record ContactSettings
{
    public static readonly ContactSettings None = new();

    /// <summary>Contact leaders review the leadership examinations (checklists reviewed by supervisors) of the units they contact.</summary>
    public bool ReviewsExaminations { get; init; }

    /// <summary>Unit kinds that count as a county department (县直部门) for a city leader.</summary>
    public IReadOnlyList<string> DepartmentKinds { get; init; } = [];

    /// <summary>Unit kinds that count as a grassroots unit (基层单位) for a city leader.</summary>
    public IReadOnlyList<string> GrassrootsKinds { get; init; } = [];

    /// <summary>Unit kinds that count as a village or community (村、社区) for a county leader.</summary>
    public IReadOnlyList<string> VillageKinds { get; init; } = [];

    public IReadOnlyList<ContactAssignment> Leaders { get; init; } = [];
}
