namespace CampaignBot.Core.Features.Organisation;

/// <summary>A department of the organisation's address book (WeCom 通讯录部门).</summary>
public sealed record AddressBookDepartment(string Id, string Name, string? ParentId);

/// <summary>One user-in-department row of the address book's paged id list.</summary>
public sealed record AddressBookMembership(string UserId, string DepartmentId);

/// <summary>A user of the address book, with the custom attributes (自定义字段) by name.</summary>
public sealed record AddressBookUser(
    string UserId,
    string Name,
    IReadOnlyList<string> Departments,
    string? MainDepartment,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>The address book the office keeps elsewhere (WeCom); read by the sync.</summary>
public interface IAddressBook
{
    Task<IReadOnlyList<AddressBookDepartment>> ListDepartmentsAsync(CancellationToken cancellationToken);

    /// <summary>Every (user, department) pair, all pages read.</summary>
    Task<IReadOnlyList<AddressBookMembership>> ListMembershipsAsync(CancellationToken cancellationToken);

    /// <summary>The user's details; null when the address book no longer has them.</summary>
    Task<AddressBookUser?> GetUserAsync(string userId, CancellationToken cancellationToken);
}

public enum ContactChangeKind
{
    CreateUser,
    UpdateUser,
    DeleteUser,
    CreateDepartment,
    UpdateDepartment,
    DeleteDepartment,
}

/// <summary>
/// One change the address book reports (WeCom's change_contact event). Fields the event leaves out are null: an
/// update carries only what changed, so the sync reads the user's details when it needs more.
/// </summary>
public sealed record ContactChange(
    ContactChangeKind Kind,
    string Id,
    string? NewUserId = null,
    string? Name = null,
    IReadOnlyList<string>? Departments = null,
    string? MainDepartment = null,
    string? ParentId = null);

/// <summary>Where address book changes go as they arrive (the WeCom callback hands them over before answering).</summary>
public interface IContactChangeSink
{
    Task ApplyAsync(ContactChange change, CancellationToken cancellationToken);
}
