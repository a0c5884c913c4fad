using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>The readers the flow base shares: a confirming step (its confirm words save, its change words go back, anything else is refused), answer lengths, list presses.</summary>
public sealed class StepReaderTests
{
    private readonly List<string> _saved = [];

    [Fact]
    public async Task A_confirm_word_runs_the_save_once_and_finishes()
    {
        var chat = new FlowHarness([new MemoFlow(_saved, ConfirmWords.OrChange("save", "保存"))]);

        var replies = await chat.SayAsync("/memo", "买菜", "保存");

        Assert.Equal(["买菜"], _saved);
        Assert.EndsWith("已保存。", replies, StringComparison.Ordinal);
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task A_change_word_goes_back_to_the_step_before_and_saves_nothing()
    {
        var chat = new FlowHarness([new MemoFlow(_saved, ConfirmWords.OrChange("save", "保存"))]);

        var replies = await chat.SayAsync("/memo", "买菜", "change");

        Assert.Empty(_saved);
        Assert.Equal("Writing", chat.Session.State);
        Assert.EndsWith("写一条备忘。", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_answer_is_refused_with_the_steps_text_and_the_step_is_asked_again()
    {
        var chat = new FlowHarness([new MemoFlow(_saved, words: null)]);
        await chat.SayAsync("/memo", "买菜");

        var replies = await chat.SayAsync("保存");

        Assert.Empty(_saved);
        // One event, one message: the refusal above the step asked again.
        Assert.Equal("请按按钮。\n\n保存“买菜”？", Assert.Single(chat.Last!.Replies.OfType<TextMessage>()).Text);
        Assert.Equal("请按按钮。\n\n保存“买菜”？", replies);
        Assert.Equal("Confirming", chat.Session.State);
    }

    [Fact]
    public async Task Another_command_mid_flow_and_back_at_the_first_step_each_get_one_message_with_the_step_asked_again()
    {
        var chat = new FlowHarness([new MemoFlow(_saved, words: null)]);
        await chat.SayAsync("/memo");

        var atFirst = await chat.SayAsync("/back");
        Assert.Equal("已经是第一步了。\n\n写一条备忘。", Assert.Single(chat.Last!.Replies.OfType<TextMessage>()).Text);

        await chat.SayAsync("买菜", "back", "买米");
        var stray = await chat.SayAsync("/examine");
        var strayMessage = Assert.Single(chat.Last!.Replies.OfType<TextMessage>());
        Assert.StartsWith("你正在进行「备忘」。", strayMessage.Text, StringComparison.Ordinal);
        Assert.EndsWith("保存“买米”？", strayMessage.Text, StringComparison.Ordinal);
        Assert.Equal("Confirming", chat.Session.State);
        Assert.Equal(strayMessage.Text, stray);
        Assert.EndsWith("写一条备忘。", atFirst, StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Without_words_of_its_own_the_step_knows_ok_and_back()
    {
        var chat = new FlowHarness([new MemoFlow(_saved, words: null)]);

        await chat.SayAsync("/memo", "买菜", "back");
        Assert.Equal("Writing", chat.Session.State);

        await chat.SayAsync("买米", "ok");

        Assert.Equal(["买米"], _saved);
        Assert.Null(chat.Session.Flow);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("ab", true)]
    [InlineData("abcd", true)]
    [InlineData("abcde", false)]
    public void A_text_length_includes_both_ends(string text, bool fits) =>
        Assert.Equal(fits, new TextLength(2, 4).Fits(text));

    [Theory]
    [InlineData("p0", 0)]
    [InlineData("p2", 2)]
    [InlineData("p3", null)]
    [InlineData("q1", null)]
    [InlineData("p", null)]
    [InlineData("p-1", null)]
    [InlineData("2", null)]
    public void A_press_names_an_index_of_the_list_only_with_its_letter_and_below_the_count(string input, int? index) =>
        Assert.Equal(index, Pressed.Index(input, 'p', 3));

    [Theory]
    [InlineData("t1", 1)]
    [InlineData("1", 0)]
    [InlineData("3", 2)]
    [InlineData("0", null)]
    [InlineData("4", null)]
    [InlineData("两", null)]
    public void A_typed_number_counts_from_one_where_a_list_is_read_as_numbered(string input, int? index) =>
        Assert.Equal(index, Pressed.IndexOrNumber(input, 't', 3));

    private sealed record MemoAnswers
    {
        public string? Memo { get; init; }
    }

    private sealed class MemoFlow(List<string> saved, ConfirmWords? words) : DeclaredFlow<MemoAnswers>("memo", "memo", new Text("备忘", "memo"))
    {
        protected override void Declare(FlowBuilder<MemoAnswers> flow)
        {
            flow.Step<string>("Writing", "asks for a memo")
                .Prompt(new Text("写一条备忘。", "Write a memo."))
                .Read((input, _) => input)
                .Keep((answers, memo) => answers with { Memo = memo })
                .Next("Confirming");
            flow.Step<bool>("Confirming", "shows the memo to save or change")
                .Prompt(step => new Text($"保存“{step.Answers.Memo}”？", $"Save \"{step.Answers.Memo}\"?"))
                .ReadConfirmationAsync(new Text("请按按钮。", "Press a button."), SaveAsync, words)
                .Next("Saved");
            flow.Finish("Saved", "says it is saved", _ => new Text("已保存。", "Saved."))
                .Cancelled(new Text("已取消。", "Cancelled."))
                .TimedOut(new Text("已超时。", "Timed out."));
        }

        private Task<Read<bool>> SaveAsync(FlowStep<MemoAnswers> step, CancellationToken cancellationToken)
        {
            saved.Add(step.Answers.Memo!);
            return Task.FromResult<Read<bool>>(true);
        }
    }
}
