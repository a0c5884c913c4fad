using CampaignBot.Telegram.Tests.ExamPledges;

namespace CampaignBot.Telegram.Tests.People;

/// <summary>Over the real Telegram client and the Bot API stand-in: prompts are edited in place, groups are left alone.</summary>
public sealed class TelegramPromptAndGroupTests
{
    private const string Village = "village_dongguan";

    [Fact]
    public async Task Toggling_several_areas_edits_the_one_prompt_message_instead_of_sending_new_ones()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var member = await bot.RegisterAsync(4001, "王村民", Village);
        await member.SayAsync("/pledge", "请选择承诺的方面");
        var prompt = member.Received.Last(m => m.Method == "sendMessage");
        var before = member.Received.Count;

        await member.PressAsync("政治纪律", "请选择承诺的方面");
        await member.PressAsync("清正廉洁", "请选择承诺的方面");
        await member.PressAsync("✓ 政治纪律", "请选择承诺的方面");
        await member.PressAsync("选好了", "「清正廉洁」方面的承诺");

        var after = member.Received.Skip(before).ToList();
        Assert.Equal(4, after.Count);
        Assert.All(after, m => Assert.Equal(("editMessageText", prompt.MessageId), (m.Method, m.MessageId)));
        Assert.Contains("✓ 清正廉洁", after[2].ReplyMarkup, StringComparison.Ordinal);
        Assert.DoesNotContain("✓ 政治纪律", after[2].ReplyMarkup, StringComparison.Ordinal);
        Assert.Contains("「清正廉洁」方面的承诺", after[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_answers_still_get_a_new_message_below_them()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var member = await bot.RegisterAsync(4002, "李村民", Village);
        await member.SayAsync("/pledge", "请选择承诺的方面");
        await member.PressAsync("政治纪律", "请选择承诺的方面");
        await member.PressAsync("选好了", "「政治纪律」方面的承诺");
        var before = member.Received.Count;

        await member.SayAsync("严守政治纪律，做到令行禁止。", "承诺预览");

        Assert.All(member.Received.Skip(before), m => Assert.Equal("sendMessage", m.Method));
    }

    [Fact]
    public async Task In_a_group_a_long_notice_not_addressed_to_the_bot_gets_no_answer()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var secretary = await bot.RegisterAsync(4003, "村书记", Village, "secretary");
        var group = secretary.InGroup(TelegramUpdates.GroupId);
        var before = group.Received.Count;

        bot.StandIn.State.QueueUpdate(TelegramUpdates.Text(4003, "【通知】" + new string('会', 4000), TelegramUpdates.GroupId));
        bot.StandIn.State.QueueUpdate(TelegramUpdates.Text(5555, "收到", TelegramUpdates.GroupId));
        var answered = await group.SayAsync("/help", "在本群可用");

        Assert.DoesNotContain("消息太长", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("注册", answered, StringComparison.Ordinal);
        Assert.Single(group.Received.Skip(before));
    }

    [Fact]
    public async Task Progress_asked_in_a_group_is_answered_privately()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var secretary = await bot.RegisterAsync(4004, "村书记", Village, "secretary");
        await bot.RegisterAsync(4005, "王村民", Village);
        var group = secretary.InGroup(TelegramUpdates.GroupId);
        var privately = secretary.Received.Count;

        var inGroup = await group.SayAsync("/progress", "请私聊我使用 /progress");
        var answer = await secretary.WaitForAsync("对照检查进度", privately);

        Assert.DoesNotContain("王村民", inGroup, StringComparison.Ordinal);
        Assert.Contains("王村民", answer, StringComparison.Ordinal);
    }
}
