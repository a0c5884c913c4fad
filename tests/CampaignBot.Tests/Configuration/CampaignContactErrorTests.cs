using CampaignBot.Configuration;
using CampaignBot.Core.Features.Contacts;

namespace CampaignBot.Tests.Configuration;

/// <summary>The contacts: section (全程联系): the source's rules for each leader's units, every mistake with its line.</summary>
public class CampaignContactErrorTests
{
    private const string NoLeaders = "  leaders: []\n";

    private static string WithLeaders(string leaders) => CampaignFiles.Edit(NoLeaders, "  leaders:\n" + leaders);

    private static string Leader(string member, string level, string units, string name = "赵副市长") =>
        $"    - member: {member}\n      name: {name}\n      level: {level}\n      units: {units}\n";

    [Fact]
    public void The_shipped_campaign_has_the_contact_rules_and_reviews_by_contact_leaders_but_no_leaders_yet()
    {
        var contacts = CampaignFiles.LoadShipped().Contacts;

        Assert.True(contacts.ReviewsExaminations);
        Assert.Equal(["city_department"], contacts.DepartmentKinds);
        Assert.Equal(["township", "village", "two_new"], contacts.GrassrootsKinds);
        Assert.Equal(["village"], contacts.VillageKinds);
        Assert.Empty(contacts.Leaders);
    }

    [Fact]
    public void A_city_leader_with_a_department_and_a_grassroots_unit_and_a_county_leader_with_a_village_are_loaded()
    {
        var yaml = WithLeaders(Leader("telegram:101", "city", "[dept_organisation, village_dongguan]")
            + Leader("wecom:zhangsan", "county", "[community_xingfu]", "张县长"));

        var leaders = CampaignLoader.LoadFromText(yaml, "test.yaml").Contacts.Leaders;

        Assert.Equal(2, leaders.Count);
        Assert.Equal(("telegram:101", "赵副市长", ContactLevel.City), (leaders[0].LeaderId, leaders[0].LeaderName, leaders[0].Level));
        Assert.Equal(["dept_organisation", "village_dongguan"], leaders[0].UnitIds);
        Assert.Equal(("wecom:zhangsan", ContactLevel.County, "community_xingfu"), (leaders[1].LeaderId, leaders[1].Level, leaders[1].UnitIds.Single()));
    }

    [Fact]
    public void A_city_leader_with_two_villages_breaks_the_rule_and_is_told_at_the_units_line()
    {
        var yaml = WithLeaders(Leader("telegram:101", "city", "[village_dongguan, community_xingfu]"));

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "units: [village_dongguan, community_xingfu]"), error.Line);
        Assert.Equal("contacts 的 leaders 第 1 项（赵副市长）：市级领导应联系 1 个县直部门和 1 个基层单位，这里是 2 个单位（部门 0 个、基层单位 2 个）。", error.Message);
    }

    [Fact]
    public void A_city_leader_with_only_one_unit_is_refused()
    {
        var yaml = WithLeaders(Leader("telegram:101", "city", "[dept_organisation]"));

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "units: [dept_organisation]"), error.Line);
        Assert.Contains("这里是 1 个单位（部门 1 个、基层单位 0 个）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_leader_contacting_a_department_is_refused_with_the_rule()
    {
        var yaml = WithLeaders(Leader("telegram:102", "county", "[dept_organisation]", "李县长"));

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "units: [dept_organisation]"), error.Line);
        Assert.Equal("contacts 的 leaders 第 1 项（李县长）：县级领导应联系 1 个村或社区，这里是 1 个单位，且不是村或社区。", error.Message);
    }

    [Fact]
    public void An_unknown_unit_is_named_at_its_line()
    {
        var yaml = WithLeaders(Leader("telegram:102", "county", "[village_nowhere]"));

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "units: [village_nowhere]"), error.Line);
        Assert.Equal("contacts 的 leaders 第 1 项（赵副市长）：没有 ID 为“village_nowhere”的单位。", error.Message);
    }

    [Fact]
    public void The_same_leader_twice_is_reported_at_the_second_with_the_line_of_the_first()
    {
        var yaml = WithLeaders(Leader("telegram:101", "county", "[village_dongguan]") + Leader("telegram:101", "county", "[community_xingfu]", "又一位"));

        var error = CampaignFiles.SingleError(yaml);

        var first = CampaignFiles.LineOf(yaml, "name: 赵副市长") - 1;
        Assert.Equal(CampaignFiles.LineOf(yaml, "name: 又一位") - 1, error.Line);
        Assert.Equal($"contacts 的 leaders 第 2 项 的 member “telegram:101” 重复，第 {first} 行已经写过这位领导；每位领导只写一项。", error.Message);
    }

    [Fact]
    public void A_level_that_is_neither_city_nor_county_is_refused_at_its_line()
    {
        var yaml = WithLeaders(Leader("telegram:101", "province", "[village_dongguan]"));

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "level: province"), error.Line);
        Assert.Equal("contacts 的 leaders 第 1 项 的 level 只能是 city（市级领导）或 county（县级领导），实际是“province”。", error.Message);
    }

    [Fact]
    public void A_member_written_as_a_name_instead_of_an_id_is_refused_at_its_line()
    {
        var yaml = WithLeaders(Leader("赵副市长", "county", "[village_dongguan]", "赵县长"));

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "member: 赵副市长"), error.Line);
        Assert.StartsWith("contacts 的 leaders 第 1 项（赵县长）：“赵副市长”不是成员 ID（形如 telegram:12345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_unit_kind_in_the_rules_is_refused_with_the_kinds_there_are()
    {
        var yaml = CampaignFiles.Edit("  village_kinds: [village]\n", "  village_kinds: [hamlet]\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "village_kinds: [hamlet]"), error.Line);
        Assert.StartsWith("contacts 的 village_kinds 中的“hamlet”不是 unit_kinds 里的单位类型 code；可用的是：city、", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  leaders: 5\n", "leaders: 5", "contacts 的 leaders 应为列表")]
    [InlineData("  leaders:\n    - member: telegram:1\n      name: 甲\n      level: county\n      units: {a: b}\n", "units: {a: b}", "contacts 的 leaders 第 1 项 的 units 应为列表")]
    [InlineData("  leaders:\n    - member: telegram:1\n      name: 甲\n      level: county\n      units: [village_dongguan]\n      phone: 123\n", "phone: 123", "contacts 的 leaders 第 1 项 中有未知的键 phone")]
    [InlineData("  leaders:\n    - telegram:1\n", "- telegram:1", "contacts 的 leaders 第 1 项 应为“键: 值”的映射")]
    public void A_malformed_mapping_is_one_clear_error_at_its_line_never_a_crash(string leaders, string marker, string start)
    {
        var yaml = CampaignFiles.Edit(NoLeaders, leaders);

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, marker), error.Line);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_without_a_contacts_section_has_no_contact_points()
    {
        var text = CampaignFiles.ShippedText;
        var yaml = text[..text.IndexOf("\n# 全程联系", StringComparison.Ordinal)] + "\n";

        var contacts = CampaignLoader.LoadFromText(yaml, "test.yaml").Contacts;

        Assert.Same(ContactSettings.None, contacts);
    }
}
