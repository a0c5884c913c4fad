using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>The self-examination over the flow harness: answering, going back, revising from the summary, submitting.</summary>
public sealed class ExaminationFlowTests
{
    private const string Evidence = "会议偏多，已经精简会议。";
    private const string Measures = "每周走访群众一次，解决实际问题。";
    private readonly InMemoryExaminationStore _store = new();
    private readonly InMemoryMemberStore _members = new();

    private FlowHarness Chat(string? languageCode = null)
    {
        var chat = new FlowHarness([new ExaminationFlow(_store, new ExaminationReviewers(_members, ExaminationCampaign.Create()))], campaign: ExaminationCampaign.Create(), languageCode: languageCode);
        chat.Member = ExaminationCampaign.Person("1", "张三", languageCode: languageCode);
        return chat;
    }

    /// <summary>The examination campaign whose checklist has English beside its Chinese, but for the last item's prompt.</summary>
    private FlowHarness EnglishNamedChat(string? languageCode)
    {
        var items = ExaminationCampaign.Checklist.Items;
        var checklist = ExaminationCampaign.Checklist with
        {
            EnglishName = "Village cadres' self-examination",
            Items =
            [
                items[0] with { EnglishGroup = "Four winds", EnglishPrompt = "Formalism: too many meetings and documents?" },
                items[1] with { EnglishGroup = "Rectification", EnglishPrompt = "Next measures" },
                items[2] with { EnglishGroup = "Other" },
            ],
        };
        var campaign = ExaminationCampaign.Create() with { Checklists = [checklist] };
        var chat = new FlowHarness([new ExaminationFlow(_store, new ExaminationReviewers(_members, campaign))], campaign: campaign, languageCode: languageCode);
        chat.Member = ExaminationCampaign.Person("1", "张三", languageCode: languageCode);
        return chat;
    }

    [Fact]
    public async Task An_english_reader_answers_the_checklist_in_the_english_of_the_campaign_file()
    {
        var chat = EnglishNamedChat("en");

        var first = await chat.SayAsync("/examine");
        var second = await chat.SayAsync("1", Evidence);
        var summary = await chat.SayAsync(Measures, "3");

        Assert.Contains("Starting \"Village cadres' self-examination\"", first, StringComparison.Ordinal);
        Assert.Contains("Item 1/3 [Four winds]\nFormalism: too many meetings and documents?", first, StringComparison.Ordinal);
        Assert.Contains("Item 2/3 [Rectification]\nNext measures", second, StringComparison.Ordinal);
        Assert.Contains("[Other] (optional)\n其他需要说明的问题？", summary, StringComparison.Ordinal);
        Assert.Contains("Village cadres' self-examination: summary", summary, StringComparison.Ordinal);
        Assert.Contains("1. Formalism — Exists", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("四风", first + second + summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_reader_of_a_checklist_with_english_reads_only_the_chinese()
    {
        var chat = EnglishNamedChat(null);

        var replies = await chat.SayAsync("/examine", "1", Evidence, Measures, "3");

        Assert.Contains("开始填写「村干部对照检查」，共 3 项", replies, StringComparison.Ordinal);
        Assert.Contains("第 1/3 项【四风】\n形式主义：会议多、文件多？", replies, StringComparison.Ordinal);
        Assert.Contains("1. 形式主义 — 存在", replies, StringComparison.Ordinal);
        Assert.DoesNotContain("Four winds", replies, StringComparison.Ordinal);
    }

    private static ExaminationAnswers Answers(FlowHarness chat) =>
        MessageJson.Deserialize<ExaminationAnswers>(chat.Session.Data[DeclaredFlow<ExaminationAnswers>.AnswersKey]);

    [Fact]
    public async Task A_member_answers_every_item_and_submits_and_the_reviewer_is_told()
    {
        await _members.UpsertAsync(ExaminationCampaign.Person("9", "村书记", "secretary"), CancellationToken.None);
        var chat = Chat();

        var replies = await chat.SayAsync("/examine", "1", Evidence, Measures, "3");
        var summaryAnswers = Answers(chat);
        var submitted = await chat.SayAsync("提交");

        Assert.Contains("开始填写「村干部对照检查」，共 3 项", replies, StringComparison.Ordinal);
        Assert.Contains("「村干部对照检查」总览", replies, StringComparison.Ordinal);
        Assert.Equal(new ExaminationAnswer(ChecklistChoices.Exists, Evidence), summaryAnswers.Given["formalism"]);
        Assert.Equal(new ExaminationAnswer(null, Measures), summaryAnswers.Given["measures"]);
        Assert.Contains("已提交对照检查（第 1 版），已通知审核人", submitted, StringComparison.Ordinal);
        Assert.Equal(ExaminationStatus.Submitted, (await _store.GetAsync("test:1", CancellationToken.None))!.Status);
        var (to, message) = Assert.Single(chat.Last!.Notifications);
        Assert.Equal("9", to.Id);
        Assert.Contains("张三（东关村）提交了对照检查（第 1 版）", ((TextMessage)message).Text, StringComparison.Ordinal);
        Assert.Equal("cmd:review", Assert.Single(((TextMessage)message).Buttons!.SelectMany(r => r)).Payload);
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task Editing_an_item_from_the_summary_returns_to_the_summary_not_the_next_item()
    {
        var chat = Chat();
        await chat.SayAsync("/examine", "1", Evidence, Measures, "3");

        await chat.PressAsync("1");
        var afterChoice = await chat.PressAsync("部分存在");
        var afterText = await chat.SayAsync("会议偏多，正在精简会议。");

        Assert.Contains("你选择了“部分存在”", afterChoice, StringComparison.Ordinal);
        Assert.Contains("总览", afterText, StringComparison.Ordinal);
        Assert.DoesNotContain("第 2/3 项", afterText, StringComparison.Ordinal);
        Assert.Equal("Reviewing", chat.Session.State);
        Assert.Equal(new ExaminationAnswer(ChecklistChoices.Partly, "会议偏多，正在精简会议。"), Answers(chat).Given["formalism"]);
    }

    [Fact]
    public async Task Typing_submit_at_an_item_submits_as_the_button_does()
    {
        var chat = Chat();
        await chat.SayAsync("/examine", "1", Evidence, Measures, "3");
        await chat.PressAsync("2");

        var reply = await chat.SayAsync("提交");

        Assert.Contains("已提交对照检查（第 1 版）", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("请点击按钮选择", reply, StringComparison.Ordinal);
        Assert.Equal(ExaminationStatus.Submitted, (await _store.GetAsync("test:1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Typing_submit_before_every_required_item_is_answered_says_what_is_missing_and_shows_the_summary()
    {
        var chat = Chat();

        var reply = await chat.SayAsync("/examine", "提交");

        Assert.Contains("还有必答项没有完成，暂不能提交：第 1 项 形式主义；第 2 项 下一步整改措施", reply, StringComparison.Ordinal);
        Assert.Equal("Reviewing", chat.Session.State);
        Assert.Equal(ExaminationStatus.Draft, (await _store.GetAsync("test:1", CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("好")]
    [InlineData("。。。")]
    [InlineData("12345")]
    [InlineData("?!")]
    public async Task A_text_answer_that_says_nothing_is_refused_with_a_reason(string answer)
    {
        var chat = Chat();
        await chat.SayAsync("/examine", "1", Evidence);

        var reply = await chat.SayAsync(answer);

        Assert.Contains("这样的回答没有说明情况（只有数字、标点或一个字）", reply, StringComparison.Ordinal);
        Assert.Contains("第 2/3 项", reply, StringComparison.Ordinal);
        Assert.Equal("AskingText", chat.Session.State);
        Assert.False(Answers(chat).Given.ContainsKey("measures"));
    }

    [Fact]
    public void Reading_a_text_refuses_nothing_said_and_too_long_and_keeps_the_rest()
    {
        Assert.Equal("整改措施", ExaminationFlow.ReadText("  整改措施 ").Value);
        Assert.Equal("ok", ExaminationFlow.ReadText("ok").Value);
        Assert.Equal(ExaminationTexts.SaysNothing, ExaminationFlow.ReadText("4").Refusal);
        Assert.Equal(ExaminationTexts.SaysNothing, ExaminationFlow.ReadText(string.Empty).Refusal);
        Assert.Contains("内容太长了（801 字，最多 800 字）", ExaminationFlow.ReadText(new string('长', 801)).Refusal!.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_goes_to_the_previous_part_and_on_the_first_item_says_so()
    {
        var chat = Chat();

        var first = await chat.SayAsync("/examine", "/back");
        await chat.SayAsync("1", Evidence);
        var back = await chat.SayAsync("/back");
        var backAgain = await chat.SayAsync("/back");

        Assert.Contains("已经是第一项了。", first, StringComparison.Ordinal);
        Assert.Contains("你选择了“存在”", back, StringComparison.Ordinal);
        Assert.Contains("当前内容：" + Evidence, back, StringComparison.Ordinal);
        Assert.Contains("当前答案：存在", backAgain, StringComparison.Ordinal);
        Assert.Equal("AskingChoice", chat.Session.State);
    }

    [Fact]
    public async Task Save_and_leave_resumes_at_the_same_item()
    {
        var chat = Chat();
        await chat.SayAsync("/examine", "1", Evidence);

        var saved = await chat.PressAsync("保存退出");
        var resumed = await chat.SayAsync("/examine");

        Assert.Contains("已保存，下次发送 /examine 从第 2 项继续。", saved, StringComparison.Ordinal);
        Assert.Contains("继续填写「村干部对照检查」，从第 2 项开始。", resumed, StringComparison.Ordinal);
        Assert.Equal("AskingText", chat.Session.State);
        Assert.Equal(Evidence, Answers(chat).Given["formalism"].Text);
    }

    [Fact]
    public async Task A_required_item_cannot_be_skipped_and_a_stale_button_is_refused()
    {
        var chat = Chat();
        await chat.SayAsync("/examine", "1");

        var skip = await chat.SayAsync("跳过");
        var stale = await chat.PressStaleAsync();

        Assert.Contains("这一项是必答项，不能跳过", skip, StringComparison.Ordinal);
        Assert.Contains("已经失效", stale, StringComparison.Ordinal);
        Assert.Equal("AskingText", chat.Session.State);
    }

    [Fact]
    public async Task Cancel_and_timeout_keep_what_was_written()
    {
        var chat = Chat();
        await chat.SayAsync("/examine", "1", Evidence);

        var cancelled = await chat.SayAsync("/cancel");
        await chat.SayAsync("/examine");
        var timedOut = await chat.TimeoutAsync();

        Assert.Contains("已退出对照检查，已填写的内容都已保存", cancelled, StringComparison.Ordinal);
        Assert.Contains("对照检查长时间未操作，已自动保存并退出", timedOut, StringComparison.Ordinal);
        Assert.Equal(Evidence, (await _store.GetAsync("test:1", CancellationToken.None))!.Answers["formalism"].Text);
    }

    [Fact]
    public async Task A_submitted_examination_is_shown_read_only()
    {
        var member = ExaminationCampaign.Person("1", "张三");
        await _store.SaveAsync(ExaminationCampaign.Submitted(member), CancellationToken.None);
        var chat = Chat();

        var reply = await chat.SayAsync("/examine");

        Assert.Contains("你的对照检查（第 1 版）已提交，等待审核，不能再修改。", reply, StringComparison.Ordinal);
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task In_English_every_prompt_and_button_is_English()
    {
        var chat = Chat("en");

        var replies = await chat.SayAsync("/examine", "1");

        Assert.Contains("Starting \"村干部对照检查\": 3 items.", replies, StringComparison.Ordinal);
        Assert.Contains("you chose \"Exists\"", replies, StringComparison.Ordinal);
        Assert.Equal(["Summary", "Save, exit"], chat.Buttons.Select(b => b.Label));
    }
}
