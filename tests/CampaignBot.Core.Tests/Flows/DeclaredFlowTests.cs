using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>The shared flow base on a small flow of its own: a list that asks nothing, a choice, a text.</summary>
public sealed class DeclaredFlowTests
{
    private readonly FlowHarness _chat = new([new NotesFlow()], [new PingCommand()]);

    [Fact]
    public async Task A_new_command_leaves_a_list_that_asks_nothing_and_runs()
    {
        await _chat.SayAsync("/notes");

        var replies = await _chat.SayAsync("/ping");

        Assert.Equal("pong", replies);
        Assert.Null(_chat.Session.Flow);
        Assert.Null(_chat.Session.TimeoutAt);
    }

    [Fact]
    public async Task A_command_on_a_step_that_asks_something_is_refused_and_the_step_shown_again()
    {
        await _chat.SayAsync("/notes", "1");

        var replies = await _chat.SayAsync("/ping");

        Assert.StartsWith("你正在进行「笔记」。", replies, StringComparison.Ordinal);
        Assert.EndsWith("写一条笔记。", replies, StringComparison.Ordinal);
        Assert.Equal("Writing", _chat.Session.State);
    }

    [Fact]
    public async Task A_choice_goes_to_the_step_it_names_and_the_answers_carry_to_the_finish()
    {
        var replies = await _chat.SayAsync("/notes", "1", "买菜");

        Assert.EndsWith("记下了：买菜", replies, StringComparison.Ordinal);
        Assert.Null(_chat.Session.Flow);
    }

    [Fact]
    public async Task An_unknown_choice_is_refused_with_the_readers_text()
    {
        await _chat.SayAsync("/notes");

        var replies = await _chat.SayAsync("hello");

        Assert.StartsWith("请选择。", replies, StringComparison.Ordinal);
        Assert.Equal("Choosing", _chat.Session.State);
    }

    [Fact]
    public async Task The_graph_names_what_each_state_does_and_every_step_is_inside_active()
    {
        var graph = new NotesFlow().ExportGraph();

        Assert.Contains("\"Choosing\" [label=\"Choosing|entry / lists the notes\"]", graph, StringComparison.Ordinal);
        Assert.Contains("\"Active\" -> \"Cancelled\" [style=\"solid\", label=\"Cancel\"]", graph, StringComparison.Ordinal);
        Assert.Contains("label=\"Answered → Writing\"", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Function", graph, StringComparison.Ordinal);
    }

    private sealed record NoteAnswers
    {
        public string? Note { get; init; }
    }

    private sealed class NotesFlow() : DeclaredFlow<NoteAnswers>("notes", "notes", new Text("笔记", "notes"))
    {
        protected override void Declare(FlowBuilder<NoteAnswers> flow)
        {
            flow.Step<string>("Choosing", "lists the notes")
                .AsksNothingOfTheUser()
                .Prompt(new Prompt(new Text("笔记列表", "Notes"), [[new Choice(new Text("新笔记", "New"), "new"), new Choice(new Text("完成", "Done"), "done")]]))
                .Read((input, _) => input is "new" or "done" ? input : new Text("请选择。", "Choose."))
                .Next((_, choice) => choice == "new" ? "Writing" : "Closed", "Writing", "Closed");
            flow.Step<string>("Writing", "asks for a note")
                .Prompt(new Text("写一条笔记。", "Write a note."))
                .Read((input, _) => input.Length > 0 ? input : new Text("不能为空。", "Empty."))
                .Keep((answers, note) => answers with { Note = note })
                .Next("Closed");
            flow.Finish("Closed", "says what was noted", step => new Text($"记下了：{step.Answers.Note}", $"Noted: {step.Answers.Note}"))
                .Cancelled(new Text("已取消。", "Cancelled."))
                .TimedOut(new Text("已超时。", "Timed out."));
        }
    }

    private sealed class PingCommand : ICommandHandler
    {
        public string Command => "ping";

        public Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
        {
            context.Reply(new Text("pong", "pong"));
            return Task.CompletedTask;
        }
    }
}
