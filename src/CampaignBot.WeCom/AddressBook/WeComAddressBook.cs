using System.Globalization;
using System.Text.Json.Nodes;
using CampaignBot.Core.Features.Organisation;
using CampaignBot.WeCom.Api;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.AddressBook;

/// <summary>
/// WeCom's address book (通讯录) through the app's API: department/list for departments, user/list_id (cursor-paged)
/// for who is in which department, user/get for a user's name, main department and custom attributes (extattr).
/// The app sees only its visible range (可见范围); WeCom errors become exceptions, so a failed sync is retried by the job.
/// </summary>
public sealed class WeComAddressBook(WeComApiClient api, IOptions<ContactSyncOptions> options) : IAddressBook
{
    /// <summary>60111: the user does not exist (any more).</summary>
    public const int UserNotFound = 60111;

    public async Task<IReadOnlyList<AddressBookDepartment>> ListDepartmentsAsync(CancellationToken cancellationToken)
    {
        var answer = Ok(await api.ReadJsonAsync("cgi-bin/department/list", null, cancellationToken), "department/list");
        return [.. (answer["department"]?.AsArray() ?? []).OfType<JsonObject>().Select(d => new AddressBookDepartment(
            Id(d["id"])!,
            d["name"]?.GetValue<string>() ?? Id(d["id"])!,
            Id(d["parentid"]) is { } parent && parent != "0" ? parent : null))];
    }

    public async Task<IReadOnlyList<AddressBookMembership>> ListMembershipsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<AddressBookMembership>();
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var body = new JsonObject { ["limit"] = options.Value.PageSize };
            if (cursor is not null)
            {
                body["cursor"] = cursor;
            }

            var answer = Ok(await api.ReadJsonAsync("cgi-bin/user/list_id", body, cancellationToken), "user/list_id");
            rows.AddRange((answer["dept_user"]?.AsArray() ?? []).OfType<JsonObject>()
                .Where(r => r["userid"] is not null)
                .Select(r => new AddressBookMembership(r["userid"]!.GetValue<string>(), Id(r["department"])!)));
            cursor = answer["next_cursor"]?.GetValue<string>() is { Length: > 0 } next ? next : null;

            // A cursor seen twice would loop for ever; WeCom never does that, a broken proxy might.
            if (cursor is not null && !seen.Add(cursor))
            {
                throw new WeComApiException(0, "user/list_id returned the same cursor twice.");
            }
        }
        while (cursor is not null);

        return rows;
    }

    public async Task<AddressBookUser?> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var answer = await api.ReadJsonAsync($"cgi-bin/user/get?userid={Uri.EscapeDataString(userId)}", null, cancellationToken);
        if (answer["errcode"]?.GetValue<int>() == UserNotFound)
        {
            return null;
        }

        Ok(answer, "user/get");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attr in (answer["extattr"]?["attrs"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            // Type 0 is a text attribute; web and mini-program attributes carry no rank or role.
            if (attr["name"]?.GetValue<string>() is { } name && (attr["text"]?["value"] ?? attr["value"])?.GetValue<string>() is { } value)
            {
                attributes[name] = value;
            }
        }

        return new AddressBookUser(
            answer["userid"]?.GetValue<string>() ?? userId,
            answer["name"]?.GetValue<string>() ?? userId,
            [.. (answer["department"]?.AsArray() ?? []).Select(Id).OfType<string>()],
            Id(answer["main_department"]),
            attributes);
    }

    private static JsonObject Ok(JsonObject answer, string call)
    {
        var code = answer["errcode"]?.GetValue<int>() ?? 0;
        return code == 0 ? answer : throw new WeComApiException(code, $"{call} failed: errcode {code}: {answer["errmsg"]?.GetValue<string>()}");
    }

    /// <summary>Department ids are 32-bit integers in WeCom's JSON; the campaign keeps them as text.</summary>
    private static string? Id(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => null,
    };
}
