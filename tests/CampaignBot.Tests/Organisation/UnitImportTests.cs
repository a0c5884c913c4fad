using CampaignBot.Core.Features.Organisation;

namespace CampaignBot.Tests.Organisation;

public sealed class UnitImportTests : IDisposable
{
    private readonly OrganisationRig _rig = new();

    [Fact]
    public async Task A_units_file_with_chinese_headers_is_imported_and_its_units_join_the_campaign_tree()
    {
        var path = _rig.File("units.xlsx", OrganisationRig.UnitHeaders,
            ["town_a", "东县甲镇", "乡镇街道", "county_east", null],
            ["village_a", "甲村", "village", "town_a", "20"],
            ["village_b", "乙村", "村社区", "town_a", "2027-03-01"]);

        var (code, output) = await _rig.ImportUnitsAsync(path);

        Assert.Equal(0, code);
        Assert.Contains("新增 3 个", output, StringComparison.Ordinal);
        var campaign = await _rig.CampaignAsync();
        var county = campaign.FindUnit("county_east")!;
        Assert.Equal("东县甲镇", campaign.FindUnit("town_a")!.Name);
        Assert.Equal("township", campaign.FindUnit("town_a")!.Kind);
        Assert.Equal(county.Start.AddDays(15), campaign.FindUnit("town_a")!.Start);
        Assert.Equal(campaign.Start.AddDays(20), campaign.FindUnit("village_a")!.Start);
        Assert.Equal(new DateOnly(2027, 3, 1), campaign.FindUnit("village_b")!.Start);
        Assert.Equal("town_a", campaign.FindUnit("village_b")!.ParentId);
    }

    [Fact]
    public async Task A_file_with_three_bad_rows_is_refused_whole_with_the_three_rows_named()
    {
        var path = _rig.File("units.csv", OrganisationRig.UnitHeaders,
            ["town_a", "甲镇", "township", "county_east", null],
            ["town_b", "乙镇", "小组", "county_east", null],
            ["town_c", "丙镇", "township", "county_east", null],
            ["town_d", "丁镇", "township", "nowhere", null],
            ["town_e", "戊镇", "township", "county_east", null],
            ["town_a", "甲镇重复", "township", "county_east", null]);

        var (code, output) = await _rig.ImportUnitsAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("有 3 处错误，什么都没有写入", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 C 列（类型）：类型 “小组” 不认识", output, StringComparison.Ordinal);
        Assert.Contains("第 5 行 D 列（上级单位ID）：上级单位 “nowhere” 不存在", output, StringComparison.Ordinal);
        Assert.Contains("第 7 行 A 列（单位ID）：单位ID “town_a” 重复：第 2 行已经用过", output, StringComparison.Ordinal);
        Assert.Empty(await (await _rig.StoresAsync()).Units.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_cycle_of_parents_is_refused_at_each_row_on_it()
    {
        var path = _rig.File("units.csv", OrganisationRig.UnitHeaders,
            ["a", "甲", "township", "c", null],
            ["b", "乙", "village", "a", null],
            ["c", "丙", "village", "b", null],
            ["d", "丁", "village", "county_east", null]);

        var (code, output) = await _rig.ImportUnitsAsync(path);

        Assert.Equal(1, code);
        Assert.Contains("第 2 行 D 列（上级单位ID）：上级关系形成了循环：a → c → b → a", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 D 列", output, StringComparison.Ordinal);
        Assert.Contains("第 4 行 D 列", output, StringComparison.Ordinal);
        Assert.DoesNotContain("第 5 行", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_bad_dates_and_empty_cells_are_each_named_in_chinese()
    {
        var noKind = _rig.File("nokind.csv", ["单位ID", "单位名称"], ["a", "甲"]);
        var (code, output) = await _rig.ImportUnitsAsync(noKind);
        Assert.Equal(1, code);
        Assert.Contains("第 1 行（表头）：缺少“类型”列", output, StringComparison.Ordinal);

        var bad = _rig.File("bad.csv", OrganisationRig.UnitHeaders,
            [null, "甲", "township", "county_east", null],
            ["b", null, "township", "county_east", "明天"],
            ["c", "丙", "township", "county_east", "2020-01-01"],
            ["d e", new string('名', 61), "township", "county_east", "-3"]);
        (code, output) = await _rig.ImportUnitsAsync(bad);
        Assert.Equal(1, code);
        Assert.Contains("第 2 行 A 列（单位ID）：单位ID不能为空", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 B 列（单位名称）：单位名称不能为空", output, StringComparison.Ordinal);
        Assert.Contains("第 3 行 E 列（开始）：“明天” 不是日期", output, StringComparison.Ordinal);
        Assert.Contains("第 4 行 E 列（开始）：开始日期 2020-01-01 不行", output, StringComparison.Ordinal);
        Assert.Contains("第 5 行 A 列（单位ID）：单位ID “d e” 不能含空格", output, StringComparison.Ordinal);
        Assert.Contains("第 5 行 B 列（单位名称）：单位名称太长", output, StringComparison.Ordinal);
        Assert.Contains("第 5 行 E 列（开始）：开始天数 -3 不行", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_checks_and_writes_nothing()
    {
        var path = _rig.File("units.csv", OrganisationRig.UnitHeaders, ["town_a", "甲镇", "township", "county_east", null]);

        var (code, output) = await _rig.ImportUnitsAsync(path, dryRun: true);

        Assert.Equal(0, code);
        Assert.Contains("检查通过（未写入）：将新增 1 个", output, StringComparison.Ordinal);
        Assert.Empty(await (await _rig.StoresAsync()).Units.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_re_import_renames_moves_and_adds_units_and_marks_left_out_units_inactive_without_deleting_them()
    {
        await _rig.ImportUnitsAsync(_rig.File("first.csv", OrganisationRig.UnitHeaders,
            ["town_a", "甲镇", "township", "county_east", null],
            ["town_b", "乙镇", "township", "county_east", null],
            ["village_a", "甲村", "village", "town_a", null]));

        var (code, output) = await _rig.ImportUnitsAsync(_rig.File("second.csv", OrganisationRig.UnitHeaders,
            ["town_a", "甲镇（新名）", "township", "county_east", null],
            ["village_a", "甲村", "village", "district_west", null],
            ["village_c", "丙村", "village", "town_a", null]));

        Assert.Equal(0, code);
        Assert.Contains("新增 1 个、更新 2 个、停用 1 个、不变 0 个", output, StringComparison.Ordinal);
        var campaign = await _rig.CampaignAsync();
        Assert.Equal("甲镇（新名）", campaign.FindUnit("town_a")!.Name);
        Assert.Equal("district_west", campaign.FindUnit("village_a")!.ParentId);
        Assert.True(campaign.FindUnit("village_c")!.Active);
        var retired = campaign.FindUnit("town_b");
        Assert.NotNull(retired);
        Assert.False(retired.Active);

        (code, output) = await _rig.ImportUnitsAsync(_rig.File("second.csv", OrganisationRig.UnitHeaders,
            ["town_a", "甲镇（新名）", "township", "county_east", null],
            ["village_a", "甲村", "village", "district_west", null],
            ["village_c", "丙村", "village", "town_a", null]));
        Assert.Contains("新增 0 个、更新 0 个、停用 0 个、不变 3 个", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_unit_wins_over_the_campaign_file_but_keeps_what_only_the_file_says()
    {
        var fileCity = (await _rig.CampaignAsync()).FindUnit("city")!;
        Assert.NotNull(fileCity.OrdinaryStudyDays);

        await _rig.ImportUnitsAsync(_rig.File("units.csv", OrganisationRig.UnitHeaders, ["city", "示例市（导入）", "city", null, null]));

        var campaign = await _rig.CampaignAsync();
        Assert.Equal("示例市（导入）", campaign.FindUnit("city")!.Name);
        Assert.Equal(fileCity.OrdinaryStudyDays, campaign.FindUnit("city")!.OrdinaryStudyDays);
        Assert.Equal(campaign.FileUnits.Count, campaign.Units.Count);
    }

    [Fact]
    public async Task The_running_bot_sees_imported_units_from_start_up()
    {
        await _rig.ImportUnitsAsync(_rig.File("units.csv", OrganisationRig.UnitHeaders, ["town_a", "甲镇", "township", "county_east", null]));

        await using var bot = await Hosting.DirectBot.StartAsync(_rig.Bot);
        var campaign = (Core.Campaign.CampaignDefinition)bot.Services.GetService(typeof(Core.Campaign.CampaignDefinition))!;

        Assert.Equal("甲镇", campaign.FindUnit("town_a")?.Name);
    }

    [Fact]
    public async Task The_shipped_templates_import_cleanly()
    {
        var templates = Path.Combine(Configuration.CampaignFiles.RepoRoot, "config", "templates");
        foreach (var units in new[] { "units.xlsx", "units.csv" })
        {
            var (code, output) = await _rig.ImportUnitsAsync(Path.Combine(templates, units), dryRun: true);
            Assert.True(code == 0, output);
        }

        Assert.Equal(0, (await _rig.ImportUnitsAsync(Path.Combine(templates, "units.xlsx"))).Code);
        var (memberCode, memberOutput) = await _rig.ImportMembersAsync(Path.Combine(templates, "members.xlsx"));
        Assert.True(memberCode == 0, memberOutput);
        Assert.Contains("新增 1 人", memberOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_gets_a_sentence_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"campaignbot-not-xlsx-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(path, "this is not a zip file");
        try
        {
            var error = await Assert.ThrowsAsync<Cli.CliException>(() => _rig.ImportUnitsAsync(path));
            Assert.Contains("无法读取", error.Message, StringComparison.Ordinal);
            var wrongType = await Assert.ThrowsAsync<Cli.CliException>(() => _rig.ImportUnitsAsync(Path.ChangeExtension(path, ".txt")));
            Assert.Contains("找不到文件", wrongType.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => _rig.Dispose();
}
