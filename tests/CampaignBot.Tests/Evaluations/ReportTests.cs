using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Features.Evaluations;
using Microsoft.Extensions.Options;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

public sealed class ReportTests
{
    [Fact]
    public async Task Results_bring_a_table_a_png_chart_and_a_spreadsheet()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        await bot.RegisterAsync("s1", Roles.Secretary, unit: "district_west");
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status");
        await bot.PressAsync(Group, "v1", EvaluationText.Payload(round, "satisfied"));
        await bot.CommandAsync(Group, "office1", "round", $"close {round}");

        var replies = (await bot.CommandAsync(Private("office1"), "office1", "results")).Select(m => m.ReadBody()).ToList();

        Assert.Contains("东县", Assert.IsType<TextMessage>(replies[0]).Text, StringComparison.Ordinal);
        var chart = Assert.IsType<PhotoMessage>(replies[1]);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], chart.Content[..8]);
        Assert.InRange(chart.Content.Length, 2_000, 2_000_000);
        var sheet = Assert.IsType<DocumentMessage>(replies[2]);
        Assert.Equal("PK"u8.ToArray(), sheet.Content[..2]);
        Assert.Contains("还没有任何评议", Texts(await bot.CommandAsync(Private("s1"), "s1", "results")), StringComparison.Ordinal);
        Assert.Contains("只能查看本单位", Texts(await bot.CommandAsync(Private("s1"), "s1", "results", "county_east")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_csv_and_xlsx_and_refuses_other_formats()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status");
        await bot.CommandAsync(Group, "office1", "round", $"close {round}");
        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(Path.Combine(Configuration.CampaignFiles.RepoRoot, "config", "campaign.yaml"));
        var csv = new StringWriter();
        var xlsx = Path.Combine(Path.GetTempPath(), $"ev-{Guid.NewGuid():N}.xlsx");

        Assert.Equal(0, await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "evaluations"]), campaign, bot.Stores, csv, CancellationToken.None));
        Assert.Equal(0, await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "evaluations", "--format", "xlsx", "--out", xlsx]), campaign, bot.Stores, csv, CancellationToken.None));
        var error = await Assert.ThrowsAsync<CliException>(() => ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "evaluations", "--format", "pdf"]), campaign, bot.Stores, csv, CancellationToken.None));

        Assert.Contains($"county_east,东县,style_status,作风现状评价,1,{round},未通过·需补课,0,0", csv.ToString(), StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(xlsx))[..2]);
        Assert.Contains("csv 或 xlsx", error.Message, StringComparison.Ordinal);
        File.Delete(xlsx);
    }

    [Fact]
    public async Task A_short_ballot_secret_stops_start_up_naming_the_setting_but_not_its_value()
    {
        var files = new Hosting.BotUnderTest();
        var settings = files.Settings;
        settings["Console:Enabled"] = "false";
        settings["Evaluation:BallotSecret"] = "short-secret";
        using var host = await CampaignBotApp.BuildAsync([], settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Evaluation:BallotSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", error.Message, StringComparison.Ordinal);
        files.Dispose();
    }

    [Fact]
    public async Task Without_a_ballot_secret_rounds_cannot_be_opened_and_the_reply_says_why()
    {
        await using var bot = await StartAsync(new() { ["Evaluation:BallotSecret"] = null });
        await bot.RegisterAsync("office1", Roles.CampaignOffice);

        var reply = Texts(await bot.CommandAsync(Group, "office1", "round", "open county_east 1"));

        Assert.Contains("Evaluation__BallotSecret", reply, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.EvaluationRounds.ListAsync(null, CancellationToken.None));
    }
}
