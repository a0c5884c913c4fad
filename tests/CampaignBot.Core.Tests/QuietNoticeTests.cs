using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;
using CampaignBot.Core.Tests.Flows;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Core.Tests;

/// <summary>
/// A notice one person's action sends to another person's private chat waits out the quiet hours (22:00–08:00 in
/// Beijing); the reply, the sender's own private chat, a group and an urgent notice go at once.
/// </summary>
public sealed class QuietNoticeTests
{
    /// <summary>2027-01-20 23:30 in Beijing.</summary>
    private static readonly DateTimeOffset Night = new(2027, 1, 20, 15, 30, 0, TimeSpan.Zero);

    /// <summary>2027-01-21 08:00 in Beijing, when the night's quiet hours end.</summary>
    private static readonly DateTimeOffset Morning = new(2027, 1, 21, 0, 0, 0, TimeSpan.Zero);

    private static readonly ChatRef Reviewer = new("test", "reviewer", ChatKind.Private);
    private static readonly ChatRef Sender = new("test", "member", ChatKind.Private);
    private static readonly ChatRef Group = new("test", "-100", ChatKind.Group);

    [Fact]
    public async Task At_night_a_notice_to_another_person_waits_for_eight_while_the_reply_goes_at_once()
    {
        var sent = await HandleAsync(Night, Sender, context =>
        {
            context.Reply(new TextMessage("submitted"));
            context.Notify(Reviewer, new TextMessage("please review"));
            context.NotifyOnce("keyed:reviewer", Reviewer, new TextMessage("keyed review"));
        });

        Assert.Equal(Night, Single(sent, "submitted").NextAttemptAt);
        Assert.Equal(Morning, Single(sent, "please review").NextAttemptAt);
        Assert.Equal(Morning, Single(sent, "keyed review").NextAttemptAt);
    }

    [Fact]
    public async Task At_night_the_senders_own_private_chat_and_a_group_post_go_at_once()
    {
        var sent = await HandleAsync(Night, Group, context =>
        {
            context.ReplyPrivately(new Text("私下", "privately"));
            context.Notify(Group, new TextMessage("group post"), "group:post");
            context.Notify(Group, new TextMessage("unkeyed group post"));
        });

        Assert.Equal(Night, Single(sent, "私下").NextAttemptAt);
        Assert.Equal(Night, Single(sent, "group post").NextAttemptAt);
        Assert.Equal(Night, Single(sent, "unkeyed group post").NextAttemptAt);
    }

    [Fact]
    public async Task An_urgent_notice_goes_at_once_even_at_night()
    {
        var sent = await HandleAsync(Night, Sender, context => context.NotifyNow("urgent:reviewer", Reviewer, new TextMessage("urgent")));

        Assert.Equal(Night, Single(sent, "urgent").NextAttemptAt);
    }

    [Fact]
    public async Task A_notice_asked_for_later_than_eight_keeps_its_own_time_and_one_asked_for_earlier_waits()
    {
        var noon = Morning.AddHours(4);
        var sent = await HandleAsync(Night, Sender, context =>
        {
            context.NotifyOnce("late", Reviewer, new TextMessage("late"), noon);
            context.NotifyOnce("early", Reviewer, new TextMessage("early"), Night.AddMinutes(10));
        });

        Assert.Equal(noon, Single(sent, "late").NextAttemptAt);
        Assert.Equal(Morning, Single(sent, "early").NextAttemptAt);
    }

    [Fact]
    public async Task In_the_daytime_a_notice_to_another_person_goes_at_once()
    {
        var day = new DateTimeOffset(2027, 1, 21, 2, 0, 0, TimeSpan.Zero); // 10:00 in Beijing
        var sent = await HandleAsync(day, Sender, context =>
        {
            context.Notify(Reviewer, new TextMessage("please review"));
            context.NotifyOnce("keyed:reviewer", Reviewer, new TextMessage("keyed review"));
        });

        Assert.Equal(day, Single(sent, "please review").NextAttemptAt);
        Assert.Equal(day, Single(sent, "keyed review").NextAttemptAt);
    }

    [Fact]
    public async Task With_equal_quiet_start_and_end_nothing_waits()
    {
        var sent = await HandleAsync(Night, Sender, context => context.Notify(Reviewer, new TextMessage("please review")), new QuietHours { QuietStart = new(0, 0), QuietEnd = new(0, 0) });

        Assert.Equal(Night, Single(sent, "please review").NextAttemptAt);
    }

    private static OutboxMessage Single(IReadOnlyList<OutboxMessage> sent, string text) =>
        sent.Single(message => message.ReadBody() is TextMessage { Text: var body } && body == text);

    private static async Task<IReadOnlyList<OutboxMessage>> HandleAsync(DateTimeOffset now, ChatRef chat, Action<FlowContext> act, QuietHours? quiet = null)
    {
        var campaign = TestCampaign.Create();
        var time = new FakeTimeProvider(now);
        var commits = new CapturingCommits();
        var router = new ConversationRouter([], [new ActingCommand(act)], new InMemoryChatStore(), new FlowTimeouts(TimeSpan.FromMinutes(30)));
        var handler = new UpdateHandler(
            new EmptySessions(),
            new InMemoryMemberStore(),
            new EffectApplier(null!, null!, null!),
            router,
            campaign,
            time,
            NullLogger<UpdateHandler>.Instance,
            commits,
            calendar: new CampaignCalendar(campaign),
            quiet: Options.Create(quiet ?? new QuietHours()));
        var update = new Inbound("u1", 1, chat, new UserRef(Sender.Id), new CommandInput("act", string.Empty), now);
        await handler.HandleAsync(update, CancellationToken.None);
        return commits.Messages;
    }

    private sealed class ActingCommand(Action<FlowContext> act) : ICommandHandler
    {
        public string Command => "act";

        public Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
        {
            act(context);
            return Task.CompletedTask;
        }
    }

    private sealed class EmptySessions : ISessionStore
    {
        public Task<Session?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult<Session?>(null);

        public Task<bool> TrySaveAsync(Session session, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Session>>([]);

        public Task<IReadOnlyList<DueFlowTimeout>> DueTimeoutsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DueFlowTimeout>>([]);
    }

    private sealed class CapturingCommits : IUpdateCommitStore
    {
        public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

        public Task<bool> TryCommitAsync(UpdateCommit commit, CancellationToken cancellationToken)
        {
            Messages = commit.Messages;
            return Task.FromResult(true);
        }
    }
}
