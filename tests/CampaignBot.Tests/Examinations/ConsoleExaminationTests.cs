namespace CampaignBot.Tests.Examinations;

/// <summary>The flows through the console channel of the real host; each ChatAsync is a run of its own, so two in a row are a restart.</summary>
public sealed class ConsoleExaminationTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_restart_in_the_middle_of_the_examination_resumes_at_the_same_item()
    {
        var code = await _bot.CreateInviteAsync(Village);
        var before = await _bot.ChatAsync("22", "/start", code, "王村民", "3", "1", "/examine", "1", "3");

        var after = await _bot.ChatAsync("22", "2", "/examine");

        Assert.Contains("第 3/6 项", before, StringComparison.Ordinal);
        Assert.Contains("第 4/6 项", after, StringComparison.Ordinal);
        Assert.Contains("你正在进行「对照检查」", after, StringComparison.Ordinal);
        var exam = await (await _bot.StoresAsync()).Examinations.GetAsync("console:22", CancellationToken.None);
        Assert.Equal(["exists", "none", "partly"], exam!.Answers.Values.Select(a => a.Choice));
    }

    [Fact]
    public async Task Over_the_console_an_examination_is_returned_revised_and_accepted()
    {
        var secretary = await _bot.CreateInviteAsync(Village, "secretary");
        var member = await _bot.CreateInviteAsync(Village);
        await _bot.ChatAsync("21", "/start", secretary, "村书记", "3", "1");

        var submitted = await _bot.ChatAsync("22", "/start", member, "王村民", "3", "1", "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次。", "提交");
        var returned = await _bot.ChatAsync("21", "/review", "1", "2", "请写明形式主义的具体表现。");
        var revised = await _bot.ChatAsync("22", "/examine", "1", "2", "总览", "提交");
        var accepted = await _bot.ChatAsync("21", "/review", "1", "1");

        Assert.Contains("王村民（城关镇东关村）提交了对照检查（第 1 版）", submitted, StringComparison.Ordinal);
        Assert.Contains("意见：请写明形式主义的具体表现。", returned, StringComparison.Ordinal);
        Assert.Contains("已提交对照检查（第 2 版）", revised, StringComparison.Ordinal);
        Assert.Contains("已由村书记审核通过", accepted, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
