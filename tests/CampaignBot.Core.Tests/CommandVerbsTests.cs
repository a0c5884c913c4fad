using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests;

/// <summary>The verb table the "/x verb …" commands declare their verbs in.</summary>
public sealed class CommandVerbsTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Text Usage = new("用法", "Usage");
    private static readonly Text NotAllowed = new("无权", "Not allowed");
    private static readonly Text Private = new("请私聊", "Private, please");

    private static readonly Member Secretary = new() { Id = "test:7", Channel = "test", UserId = "7", Name = "张三", Rank = "ordinary", UnitId = "county_east", Role = Roles.Secretary, RegisteredAt = Now };

    private readonly List<string> _ran = [];

    private CommandVerbs Verbs() => new CommandVerbs(Usage)
        .ForMembers(NotAllowed, member => member.Role == Roles.Secretary)
        .InPrivate(Private, verb => verb == "open")
        .On("open", (_, _, rest, _) => Ran("open:" + rest))
        .On(["show", "note"], (_, member, verb, rest, _) => Ran($"{verb}:{member.Id}:{rest}"));

    [Fact]
    public async Task A_verb_is_looked_up_in_lower_case_and_its_handler_gets_the_rest_trimmed()
    {
        var context = Context("  NOTE   L1  first words ", Secretary);
        await Verbs().RunAsync(context, CancellationToken.None);

        Assert.Equal(["note:test:7:L1  first words"], _ran);
        Assert.Empty(context.Replies);
    }

    [Fact]
    public async Task An_unknown_verb_or_none_gets_the_usage_and_runs_nothing()
    {
        foreach (var arguments in new[] { "close L1", string.Empty })
        {
            var context = Context(arguments, Secretary);
            await Verbs().RunAsync(context, CancellationToken.None);
            Assert.Equal("用法", Assert.IsType<TextMessage>(Assert.Single(context.Replies)).Text);
        }

        Assert.Empty(_ran);
    }

    [Fact]
    public async Task Refusals_come_in_the_order_declared_before_any_verb_runs()
    {
        var stranger = Context("show L1", member: null, ChatKind.Group);
        var officer = Context("show L1", Secretary with { Role = Roles.CampaignOffice });
        var inGroup = Context("show L1", Secretary, ChatKind.Group);
        foreach (var context in new[] { stranger, officer, inGroup })
        {
            await Verbs().RunAsync(context, CancellationToken.None);
        }

        Assert.Equal("无权", Assert.IsType<TextMessage>(Assert.Single(stranger.Replies)).Text);
        Assert.Equal("无权", Assert.IsType<TextMessage>(Assert.Single(officer.Replies)).Text);
        Assert.Equal("请私聊", Assert.IsType<TextMessage>(Assert.Single(inGroup.Replies)).Text);
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task A_verb_let_through_in_a_group_runs_there_and_otherwise_gets_the_word_as_typed()
    {
        var verbs = Verbs().Otherwise((_, _, typed, rest, _) => Ran($"other:{typed}:{rest}"));
        await verbs.RunAsync(Context("open 30", Secretary, ChatKind.Group), CancellationToken.None);
        await verbs.RunAsync(Context("County_East more", Secretary), CancellationToken.None);

        Assert.Equal(["open:30", "other:County_East:more"], _ran);
    }

    private Task Ran(string what)
    {
        _ran.Add(what);
        return Task.CompletedTask;
    }

    private static FlowContext Context(string arguments, Member? member, ChatKind kind = ChatKind.Private)
    {
        var chat = new ChatRef("test", "1", kind);
        var update = new Inbound("u7", 7, chat, new UserRef("7"), new CommandInput("x", arguments), Now);
        return new FlowContext(update, new Session { Key = "test:1:7" }, member, TestCampaign.Create(), Now);
    }
}
