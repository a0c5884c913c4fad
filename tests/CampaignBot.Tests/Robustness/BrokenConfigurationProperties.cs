using System.Text.RegularExpressions;
using CampaignBot.Configuration;
using CampaignBot.Tests.Configuration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CampaignBot.Tests.Robustness;

/// <summary>One generated change to a configuration file: what was done where, for the test output.</summary>
public sealed record FileMutation(string Description, string Text)
{
    public override string ToString() => Description;
}

/// <summary>A setting given a value that is wrong for it.</summary>
public sealed record WrongSetting(string Key, string Value)
{
    public override string ToString() => $"{Key}={Value}";
}

/// <summary>
/// Generated mutations of the shipped campaign file (a line deleted, a value of the wrong type, a duplicated id, a bad date,
/// a loop in the unit tree, broken indentation, a cut-off file) and of the settings: the loader either reads a whole,
/// consistent campaign or refuses with Chinese sentences that name the file and the line; nothing else escapes it.
/// </summary>
public sealed partial class BrokenConfigurationProperties
{
    private const string Source = "campaign.yaml";

    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(CampaignFiles.RepoRoot, "config", "campaign.yaml"));

    private static readonly string[] WrongValues =
    [
        "abc", "-1", "0", "99999999999999999999", "1.5", "[]", "{}", "[1, 2", "{a: 1", "~", "null", "''", "\"", "'", "true", "2027-02-30",
        "2027-13-01", "0001-01-01", "9999-12-31", "*nothing", "&anchor", "!!binary AAAA", "0x1F", "1e400", "- item", "a: b: c", "%", "@",
        "`", "|", ">", "\t", "測試", "😀", "\u0000", "\u202e", new string('长', 5000),
    ];

    [Property(MaxTest = 200, Replay = "(20261202,3)", Arbitrary = [typeof(Mutations)])]
    public void A_mutated_campaign_file_is_read_whole_or_refused_with_sentences_naming_the_file_and_line(FileMutation mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        CampaignDefinition campaign;
        try
        {
            campaign = CampaignLoader.LoadFromText(mutation.Text, Source);
        }
        catch (CampaignConfigException refused)
        {
            Assert.StartsWith($"活动配置文件 {Source} 有 ", refused.Message, StringComparison.Ordinal);
            Assert.NotEmpty(refused.Errors);
            Assert.All(refused.Errors, error =>
            {
                Assert.True(error.Message.Trim().Length > 0, $"An empty error after {mutation}");
                Assert.True(error.Message.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"Not a Chinese sentence after {mutation}: {error.Message}");
                Assert.False(StackFrame().IsMatch(error.Message), $"A stack trace after {mutation}: {error.Message}");
                Assert.True(error.Line is null || (error.Line > 0 && error.Line <= mutation.Text.Split('\n').Length + 1), $"Line {error.Line} is outside the file after {mutation}");
            });
            return;
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"The loader threw {ex.GetType().Name} after {mutation}; the host would die with a stack trace: {ex}");
        }

        // Read: then it is a whole campaign, never half of one.
        Assert.True(campaign.Start <= campaign.End, $"The campaign ends before it starts after {mutation}");
        Assert.Equal(campaign.Units.Count, campaign.Units.Select(u => u.Id).Distinct(StringComparer.Ordinal).Count());
        var units = campaign.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        foreach (var unit in campaign.Units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var at = unit; at.ParentId is { } parent; at = units[parent])
            {
                Assert.True(units.ContainsKey(parent), $"Unit {at.Id} has an unknown parent {parent} after {mutation}");
                Assert.True(seen.Add(at.Id), $"The unit tree loops through {at.Id} after {mutation}");
            }
        }

        Assert.NotEmpty(campaign.Phases);
        Assert.NotEmpty(campaign.Ranks);
        Assert.NotEmpty(campaign.Roles);
    }

    /// <summary>Settings of appsettings.json, each with values that are wrong for it (not its type, or out of its range).</summary>
    internal static readonly (string Key, string[] Wrong)[] WrongSettings =
    [
        ("Pipeline:Parallelism", ["many", "1.5", "-1", "0", "99999999999"]),
        ("Pipeline:SendParallelism", ["x", "-3", "0"]),
        ("Pipeline:Lease", ["soon", "-00:01:00", "00:00:00", "1e3"]),
        ("Pipeline:PollInterval", ["often", "-00:00:01"]),
        ("Pipeline:FlowTimeout", ["never", "-00:30:00", "00:00:00"]),
        ("Pipeline:MaxSendAttempts", ["twelve", "-1", "0"]),
        ("Pipeline:Retention", ["forever", "-7.00:00:00"]),
        ("Reminders:Enabled", ["maybe", "2"]),
        ("Reminders:Hour", ["nine", "24", "-1", "99"]),
        ("Reminders:QuietStart", ["25:00", "late", "-01:00"]),
        ("Reminders:QuietEnd", ["08:61", "early"]),
        ("Reminders:DigestDay", ["Funday", "8"]),
        ("Reminders:MaxMuteDays", ["sixty", "-1"]),
        ("Opinions:MaxPerGiver", ["five", "-5", "0"]),
        ("Opinions:RepeatAskDays", ["x", "-30"]),
        ("Opinions:DefaultDays", ["week", "0", "-7"]),
        ("Ledger:Hour", ["9am", "25"]),
        ("Ledger:EscalationDays", ["three", "-3"]),
        ("Ledger:EvidenceMaxMegabytes", ["lots", "0", "-20"]),
        ("Ledger:EvidenceFetchAttempts", ["x", "0"]),
        ("Inspections:ExcludeWeeks", ["eight", "-8"]),
        ("Bulletins:DispatchCron", ["not a cron", "0 10 32 * *", "* * * * * * *"]),
        ("Bulletins:BulletinCron", ["monthly", "61 10 1 * *"]),
        ("Bulletins:BottomCount", ["three", "-3"]),
        ("Contacts:WeeklyCron", ["weekly", "0 9 * * FUNDAY"]),
    ];

    [Property(MaxTest = 40, Replay = "(20261202,5)", Arbitrary = [typeof(Mutations)])]
    public async Task A_wrong_setting_stops_the_host_with_exit_code_2_and_one_chinese_sentence_naming_it(WrongSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        using var bot = new BotUnderTest();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["--Campaign:File", CampaignFiles.ShippedPath, "--Storage:SqlitePath", bot.DatabasePath, "--Console:Enabled", "false", $"--{setting.Key}={setting.Value}"];

        var exit = await CampaignBotCli.RunAsync(args, output, error, giveUp.Token);

        var said = error.ToString().Trim();
        Assert.False(giveUp.IsCancellationRequested, $"The host started with {setting}");
        Assert.True(exit == 2, $"Exit code {exit} with {setting}: {said}");
        Assert.True(said.Length > 0 && !said.Contains('\n', StringComparison.Ordinal), $"Not one sentence with {setting}: {said}");
        Assert.True(said.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"Not Chinese with {setting}: {said}");
        Assert.True(said.Contains(setting.Key.Split(':')[1], StringComparison.Ordinal), $"The setting is not named with {setting}: {said}");
        Assert.False(StackFrame().IsMatch(said), $"A stack trace with {setting}: {said}");
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    /// <summary>The arbitraries of the properties above.</summary>
    public static class Mutations
    {
        public static Arbitrary<FileMutation> CampaignFileMutations() => Gen.OneOf(
                DeleteLine, WrongValue, DuplicateId, BadDate, UnitLoop, Indentation, CutOff, Several)
            .ToArbitrary();

        public static Arbitrary<WrongSetting> WrongSettingValues() =>
            (from setting in Gen.Elements(WrongSettings)
             from value in Gen.Elements(setting.Wrong)
             select new WrongSetting(setting.Key, value)).ToArbitrary();

        private static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

        private static int[] Where(Func<string, bool> test) => [.. Lines.Select((line, index) => (line, index)).Where(x => test(x.line)).Select(x => x.index)];

        private static bool IsValueLine(string line) => ValueLine().IsMatch(line);

        private static Gen<FileMutation> DeleteLine =>
            from index in Gen.Elements(Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
            select new FileMutation($"line {index + 1} deleted ({Lines[index].Trim()})", Join(Lines.Where((_, i) => i != index)));

        private static Gen<FileMutation> WrongValue =>
            from index in Gen.Elements(Where(IsValueLine))
            from value in Gen.Elements(WrongValues)
            select Replace(index, value, "a wrong value");

        private static Gen<FileMutation> BadDate =>
            from index in Gen.Elements(Where(l => DateValue().IsMatch(l)))
            from value in Gen.Elements("2027-02-30", "2027-00-01", "2027-1-1", "27-01-01", "2027/01/01", "1900-01-01", "9999-12-31", "2026-12-31", "2028-01-01", "明天")
            select Replace(index, value, "a bad date");

        private static Gen<FileMutation> DuplicateId =>
            from source in Gen.Elements(Where(l => IdLine().IsMatch(l)))
            from target in Gen.Elements(Where(l => IdLine().IsMatch(l)))
            where source != target
            select Replace(target, IdLine().Match(Lines[source]).Groups["value"].Value, $"the id of line {source + 1} repeated");

        private static Gen<FileMutation> UnitLoop =>
            from index in Gen.Elements(Where(l => ParentLine().IsMatch(l)))
            from parent in Gen.Elements("city", "county_east", "town_chengguan", "village_dongguan", "street_xinhua", "community_xingfu", "nosuchunit")
            select Replace(index, parent, "a parent changed");

        private static Gen<FileMutation> Indentation =>
            from index in Gen.Elements(Where(IsValueLine))
            from shift in Gen.Elements("  ", "\t", "   ", string.Empty)
            let line = Lines[index]
            select new FileMutation($"line {index + 1} indented '{shift.Replace("\t", "\\t", StringComparison.Ordinal)}'", Join(Lines.Select((l, i) => i == index ? shift + (shift.Length == 0 ? l.TrimStart() : l) : l)));

        private static Gen<FileMutation> CutOff =>
            from length in Gen.Choose(0, Join(Lines).Length)
            select new FileMutation($"cut off after {length} characters", Join(Lines)[..length]);

        private static Gen<FileMutation> Several =>
            from first in Gen.OneOf(DeleteLine, WrongValue, BadDate)
            from index in Gen.Elements(Where(IsValueLine))
            from value in Gen.Elements(WrongValues)
            select new FileMutation($"{first} and line {index + 1} set to {Show(value)}", ReplaceIn(first.Text, Lines[index], value));

        private static FileMutation Replace(int index, string value, string what)
        {
            var match = ValueLine().Match(Lines[index]);
            var line = $"{match.Groups["key"].Value}: {value}";
            return new FileMutation($"line {index + 1} ({Lines[index].Trim()}): {what} {Show(value)}", Join(Lines.Select((l, i) => i == index ? line : l)));
        }

        private static string ReplaceIn(string text, string line, string value)
        {
            var match = ValueLine().Match(line);
            var at = text.IndexOf(line, StringComparison.Ordinal);
            return at < 0 ? text : string.Concat(text.AsSpan(0, at), $"{match.Groups["key"].Value}: {value}", text.AsSpan(at + line.Length));
        }

        private static string Show(string value) => value.Length > 20 ? $"{value[..20]}…({value.Length})" : value.Replace("\0", "\\0", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<key>\s*(- )?[a-z_]+):\s+(?<value>[^#\s][^#]*?)\s*(#.*)?$")]
    private static partial Regex ValueLine();

    [GeneratedRegex(@"^(?<key>\s*(- )?(id|code)):\s+(?<value>[a-z_0-9]+)")]
    private static partial Regex IdLine();

    [GeneratedRegex(@"^\s*(- )?[a-z_]+:\s+\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateValue();

    [GeneratedRegex(@"^\s*parent:\s+")]
    private static partial Regex ParentLine();
}
