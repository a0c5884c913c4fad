using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.WeCom.Tests.StandIn;

/// <summary>A department of the stand-in's address book.</summary>
public sealed record StandInDepartment(long Id, string Name, long ParentId);

/// <summary>A user of the stand-in's address book, with text custom attributes (extattr).</summary>
public sealed record StandInUser(string UserId, string Name, long[] Departments, long MainDepartment, Dictionary<string, string>? Attributes = null);

/// <summary>
/// The address book part of the stand-in: department/list (all at once, as WeCom answers it), user/list_id paged by an
/// opaque cursor with the caller's limit, and user/get (60111 for a user it does not have).
/// </summary>
public sealed partial class WeComStandIn
{
    public ConcurrentDictionary<long, StandInDepartment> Departments { get; } = new();

    public ConcurrentDictionary<string, StandInUser> Users { get; } = new();

    /// <summary>How many pages of user/list_id were served (to see that paging happened).</summary>
    public int UserIdPagesServed => userIdPages;

    public int UserDetailsServed => userDetails;

    private int userIdPages;
    private int userDetails;

    private void MapAddressBook(WebApplication web)
    {
        web.MapGet("/cgi-bin/department/list", (HttpRequest request) =>
        {
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            var list = Departments.Values.OrderBy(d => d.Id).Select(d => new JsonObject { ["id"] = d.Id, ["name"] = d.Name, ["parentid"] = d.ParentId, ["order"] = 1 });
            return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["department"] = new JsonArray([.. list]) });
        });

        web.MapPost("/cgi-bin/user/list_id", async (HttpRequest request) =>
        {
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            var limit = body["limit"]?.GetValue<int>() ?? 1000;
            if (limit is < 1 or > 10_000)
            {
                return Error(40058, "invalid limit");
            }

            // The cursor is opaque to the caller; here it is "c" plus the offset.
            var cursor = body["cursor"]?.GetValue<string>();
            var offset = cursor is null ? 0 : int.Parse(cursor.AsSpan(1), CultureInfo.InvariantCulture);
            var rows = Users.Values.OrderBy(u => u.UserId, StringComparer.Ordinal)
                .SelectMany(u => u.Departments.Select(d => (u.UserId, Department: d)))
                .ToList();
            var page = rows.Skip(offset).Take(limit).Select(r => new JsonObject { ["userid"] = r.UserId, ["department"] = r.Department });
            Interlocked.Increment(ref userIdPages);
            var next = offset + limit < rows.Count ? $"c{offset + limit}" : string.Empty;
            return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["next_cursor"] = next, ["dept_user"] = new JsonArray([.. page]) });
        });

        web.MapGet("/cgi-bin/user/get", (HttpRequest request, string? userid) =>
        {
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            if (userid is null || !Users.TryGetValue(userid, out var user))
            {
                return Error(60111, "userid not found");
            }

            Interlocked.Increment(ref userDetails);
            var attrs = new JsonArray([.. (user.Attributes ?? []).Select(a => new JsonObject
            {
                ["type"] = 0,
                ["name"] = a.Key,
                ["text"] = new JsonObject { ["value"] = a.Value },
            })]);
            return Results.Json(new JsonObject
            {
                ["errcode"] = 0,
                ["errmsg"] = "ok",
                ["userid"] = user.UserId,
                ["name"] = user.Name,
                ["department"] = new JsonArray([.. user.Departments.Select(d => JsonValue.Create(d))]),
                ["main_department"] = user.MainDepartment,
                ["extattr"] = new JsonObject { ["attrs"] = attrs },
            });
        });
    }
}
