using System.Text.RegularExpressions;

namespace CampaignBot.Configuration;

/// <summary>
/// The sample campaign a newcomer gets when Campaign:File is not set: config/campaign.demo.yaml with every date moved
/// so that its first start falls <see cref="DaysIntoCampaign"/> days into the campaign (every unit has begun and is in
/// its first phase), then stored (Campaign:DemoFile, data/campaign.demo.yaml) and used as it is from then on, so the
/// dates stay put across restarts. The real campaign file (config/campaign.yaml) keeps its fixed dates.
/// </summary>
public static partial class DemoCampaign
{
    public const string TemplatePath = "config/campaign.demo.yaml";
    public const string DefaultStoredPath = "data/campaign.demo.yaml";
    public const string StoredSetting = "Campaign:DemoFile";

    /// <summary>Past the latest unit start of the sample (the west district's villages begin on day 24), inside every first phase.</summary>
    public const int DaysIntoCampaign = 25;

    /// <summary>The stored demo file, written from <paramref name="template"/> for the day <paramref name="now"/> falls on in the campaign's zone, when it does not exist yet.</summary>
    public static string Prepare(string template, string stored, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(stored);
        if (File.Exists(stored))
        {
            return stored;
        }

        var sample = CampaignLoader.Load(template);
        var start = sample.Start;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(sample.TimeZone)).DateTime);
        var shift = today.DayNumber - DaysIntoCampaign - start.DayNumber;
        var moved = DateValue().Replace(File.ReadAllText(template, Encoding.UTF8), m =>
            m.Groups["key"].Value + DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var header = $"# 演示活动：{today:yyyy-MM-dd} 首次启动时由 {TemplatePath} 生成，所有日期平移 {shift} 天，此后保持不变。\n"
            + "# 删除本文件后重新启动，会按那一天重新生成。正式活动请设置 Campaign:File（例如 config/campaign.yaml）。\n";

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stored))!);
        var temporary = stored + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, header + moved, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            // Another process may have stored it first: its dates win.
            File.Move(temporary, stored, overwrite: false);
        }
        catch (IOException) when (File.Exists(stored))
        {
            File.Delete(temporary);
        }

        return stored;
    }

    /// <summary>A YAML value that is a date ("start: 2027-01-01", "- from: 2027-01-29"); dates in comments stay.</summary>
    [GeneratedRegex(@"^(?<key>[ \t]*(?:-[ \t]+)?[A-Za-z_]+:[ \t]*)(?<date>\d{4}-\d{2}-\d{2})\b", RegexOptions.Multiline)]
    private static partial Regex DateValue();
}
