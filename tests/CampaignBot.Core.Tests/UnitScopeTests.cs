using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests;

/// <summary>How a report command picks the unit it reads from what the caller typed.</summary>
public sealed class UnitScopeTests
{
    private static readonly UnitScopeRefusals Refusals = new(
        new Text("只能看本单位", "own unit only"), new Text("无权查看", "not allowed"), id => new Text($"没有单位 {id}", $"no unit {id}"), EchoLength: 5);

    [Fact]
    public void The_office_asking_for_no_unit_reads_the_whole_campaign()
    {
        var (picked, unit, replies) = Pick(Roles.CampaignOffice, string.Empty);

        Assert.True(picked);
        Assert.Null(unit);
        Assert.Empty(replies);
    }

    [Fact]
    public void The_office_asking_for_a_unit_reads_that_unit()
    {
        var (picked, unit, _) = Pick(Roles.CampaignOffice, "village_dongguan");

        Assert.True(picked);
        Assert.Equal("village_dongguan", unit);
    }

    [Fact]
    public void A_secretary_reads_their_own_unit_whether_or_not_they_name_it()
    {
        Assert.Equal("county_east", Pick(Roles.Secretary, string.Empty).Unit);
        Assert.Equal("county_east", Pick(Roles.Secretary, "county_east").Unit);
    }

    [Fact]
    public void A_secretary_asking_for_another_unit_is_refused()
    {
        var (picked, _, replies) = Pick(Roles.Secretary, "village_dongguan");

        Assert.False(picked);
        Assert.Equal(["只能看本单位"], replies);
    }

    [Fact]
    public void A_member_without_a_managing_role_is_refused()
    {
        var (picked, _, replies) = Pick(Roles.Member, string.Empty);

        Assert.False(picked);
        Assert.Equal(["无权查看"], replies);
    }

    [Fact]
    public void An_unknown_unit_is_refused_and_only_the_start_of_what_was_typed_is_repeated()
    {
        var (picked, _, replies) = Pick(Roles.CampaignOffice, "nowhere-at-all");

        Assert.False(picked);
        Assert.Equal(["没有单位 nowhe"], replies);
    }

    private static (bool Picked, string? Unit, List<string> Replies) Pick(string role, string asked)
    {
        var user = new UserRef("7");
        var chat = new ChatRef("test", "7", ChatKind.Private);
        var now = DateTimeOffset.UnixEpoch;
        var member = new Member { Id = "test:7", Channel = "test", UserId = "7", Name = "张三", Rank = "ordinary", UnitId = "county_east", Role = role, RegisteredAt = now };
        var context = new FlowContext(
            new Inbound("u1", 1, chat, user, new CommandInput("members", asked), now), new Session { Key = "test:7:7" }, member, TestCampaign.Create(), now);

        var picked = UnitScope.TryPick(context, asked, m => m.Role == Roles.CampaignOffice, Refusals, out var unit);

        return (picked, unit, [.. context.Replies.OfType<TextMessage>().Select(m => m.Text)]);
    }
}
