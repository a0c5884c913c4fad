using CampaignBot.Core.Features.Organisation;

namespace CampaignBot.WeCom.Callback;

/// <summary>Turns a change_contact event into a channel-neutral <see cref="ContactChange"/>; null for kinds the sync does not use (tags).</summary>
public static class ContactChangeMapper
{
    public static ContactChange? Map(WeComCallbackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Contact is not { } c)
        {
            return null;
        }

        return c.ChangeType switch
        {
            "create_user" or "update_user" or "delete_user" when c.UserId is { Length: > 0 } user => new ContactChange(
                c.ChangeType switch { "create_user" => ContactChangeKind.CreateUser, "update_user" => ContactChangeKind.UpdateUser, _ => ContactChangeKind.DeleteUser },
                user,
                NewUserId: NullIfEmpty(c.NewUserId),
                Name: NullIfEmpty(c.Name),
                Departments: c.Department is { Length: > 0 } list ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null,
                MainDepartment: NullIfEmpty(c.MainDepartment)),
            "create_party" or "update_party" or "delete_party" when c.PartyId is { Length: > 0 } party => new ContactChange(
                c.ChangeType switch { "create_party" => ContactChangeKind.CreateDepartment, "update_party" => ContactChangeKind.UpdateDepartment, _ => ContactChangeKind.DeleteDepartment },
                party,
                Name: NullIfEmpty(c.Name),
                ParentId: NullIfEmpty(c.ParentId) is { } parent && parent != "0" ? parent : null),
            _ => null,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
