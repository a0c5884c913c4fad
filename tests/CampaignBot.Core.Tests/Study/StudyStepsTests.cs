using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Tests.Study;

/// <summary>The pieces study, research and visits share: reading a note before saving, and a member's own new entry.</summary>
public sealed class StudyStepsTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 5, 2, 0, 0, TimeSpan.Zero);

    private readonly List<string> _saved = [];

    [Fact]
    public async Task A_note_that_says_nothing_is_refused_and_nothing_is_saved()
    {
        var read = await ReaderAsync(optional: false, "。。");

        Assert.False(read.IsAccepted);
        Assert.Equal(StudyTexts.SaysNothing, read.Refusal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task A_good_note_is_saved_with_its_trimmed_text_and_returned()
    {
        var read = await ReaderAsync(optional: false, "  走访了三户  ");

        Assert.Equal("走访了三户", read.Value);
        Assert.Equal(["走访了三户"], _saved);
    }

    [Fact]
    public async Task Skipping_an_optional_note_saves_with_an_empty_one()
    {
        var read = await ReaderAsync(optional: true, "skip");

        Assert.Equal(string.Empty, read.Value);
        Assert.Equal([string.Empty], _saved);
    }

    [Fact]
    public void A_members_own_entry_takes_its_id_from_the_update_and_its_unit_from_the_host_unit()
    {
        var context = Context(new Member
        {
            Id = "m1", Channel = "test", UserId = "1", Name = "张三", Rank = "科员", UnitId = "u1", HostUnitId = "u2", Role = Roles.Member, RegisteredAt = Now,
        });

        var entry = StudySteps.OwnEntry(context, ActivityKind.Visit, new DateOnly(2027, 3, 4));

        Assert.Equal("visit:u7", entry.Id);
        Assert.Equal(ActivityKind.Visit, entry.Kind);
        Assert.Equal(("m1", "u2", "m1"), (entry.MemberId, entry.UnitId, entry.RecordedBy));
        Assert.Equal((new DateOnly(2027, 3, 4), Now), (entry.Date, entry.RecordedAt));
        Assert.Equal("research:u7", StudySteps.OwnEntry(context, ActivityKind.Research, entry.Date).Id);
    }

    private async Task<Read<string>> ReaderAsync(bool optional, string input)
    {
        var reader = StudySteps.NoteThen<object>(optional, (note, _, _) =>
        {
            _saved.Add(note);
            return Task.CompletedTask;
        });
        return await reader(input, new FlowStep<object>(Context(member: null), new object()), CancellationToken.None);
    }

    private static FlowContext Context(Member? member)
    {
        var chat = new ChatRef("test", "1", ChatKind.Private);
        var update = new Inbound("u7", 7, chat, new UserRef("1"), new TextInput("x"), Now);
        return new FlowContext(update, new Session { Key = "test:1:1" }, member, TestCampaign.Create(), Now);
    }
}
