using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Tests.Flows;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests;

/// <summary>Jobs that become an update of one conversation: the flow timeout and the monthly check-in.</summary>
public sealed class ConversationJobHandlerTests
{
    private static readonly DateTimeOffset Due = new(2027, 2, 28, 2, 0, 0, TimeSpan.Zero);
    private static readonly ChatRef Chat = new("telegram", "42", ChatKind.Private);
    private static readonly UserRef User = new("42");

    [Fact]
    public async Task A_due_flow_timeout_becomes_a_timer_update_of_its_conversation_under_the_firings_id()
    {
        var update = await FireAsync(new FlowTimeoutJobHandler(), "timeout:s1", new FlowTimeoutPayload(Chat, User, "tok7"));

        Assert.Equal($"timer:timeout:s1@{Due.UtcTicks}", update.UpdateId);
        Assert.Equal(new TimerElapsed("flow-timeout", "tok7"), update.Content);
        Assert.Equal((Chat, User, Due, long.MaxValue), (update.Chat, update.Sender, update.At, update.Sequence));
    }

    [Fact]
    public async Task A_due_check_in_becomes_a_checkin_command_of_the_members_conversation()
    {
        var members = new InMemoryMemberStore();
        await members.UpsertAsync(new Member { Id = "telegram:42", Channel = "telegram", UserId = "42", Name = "王村民", Rank = "ordinary", UnitId = "u1", Role = "member", RegisteredAt = Due }, CancellationToken.None);
        var handler = new PledgeCheckInJobHandler(members, new CampaignCalendar(CampaignBot.Tests.Shared.TestCampaign.Create()));

        var update = await FireAsync(handler, "checkin:m1", new CheckInPayload(Chat, User));

        Assert.Equal($"checkin:m1@{Due.UtcTicks}", update.UpdateId);
        Assert.Equal(new CommandInput("checkin", "2027-02"), update.Content);
        Assert.Equal((Chat, User), (update.Chat, update.Sender));
    }

    private static async Task<Inbound> FireAsync<TPayload>(ConversationJobHandler<TPayload> handler, string id, TPayload payload)
    {
        var context = new JobContext(new ScheduledJob { Id = id, Kind = handler.Kind, Payload = MessageJson.Serialize(payload), DueAt = Due }, Due);

        await handler.HandleAsync(context, CancellationToken.None);

        return Assert.Single(context.ToEffects().Updates);
    }
}
