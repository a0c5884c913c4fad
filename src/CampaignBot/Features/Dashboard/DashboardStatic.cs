using System.Security.Cryptography;

namespace CampaignBot.Features.Dashboard;

/// <summary>
/// The dashboard's script, style sheet and Apache ECharts (vendored from the npm package, with its licence), served
/// from the program itself: offices may have no outside network, and the policy allows scripts from this site only.
/// </summary>
internal static class DashboardStatic
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["echarts.min.js"] = "text/javascript; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["ECHARTS-LICENSE.txt"] = "text/plain; charset=utf-8",
        ["ECHARTS-NOTICE.txt"] = "text/plain; charset=utf-8",
        ["ECHARTS-LICENSE-d3.txt"] = "text/plain; charset=utf-8",
    };

    private static readonly Lazy<Dictionary<string, (byte[] Content, string ETag)>> Files = new(Load);

    public static void Map(WebApplication app) =>
        app.MapGet("/static/{name}", (string name, HttpContext http) =>
        {
            if (!Files.Value.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ETag = file.ETag;
            return http.Request.Headers.IfNoneMatch == file.ETag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(file.Content, Types[name]);
        });

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(DashboardStatic).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in Types.Keys)
        {
            using var stream = assembly.GetManifestResourceStream("dashboard/" + name)
                ?? throw new InvalidOperationException($"The dashboard file {name} is not built into the program.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            files[name] = (content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        return files;
    }
}
