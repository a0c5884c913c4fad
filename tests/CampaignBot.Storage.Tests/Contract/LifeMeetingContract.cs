using CampaignBot.Core.Features.LifeMeetings;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static LifeMeeting NewMeeting(string id, string unit = "u1") => new()
    {
        Id = id,
        UnitId = unit,
        Team = ["telegram:1", "telegram:2", "telegram:3"],
        Names = new Dictionary<string, string> { ["telegram:1"] = "张主任", ["telegram:2"] = "李委员", ["telegram:3"] = "王委员" },
        OpenedBy = "telegram:9",
        OpenedAt = T0,
    };

    [Fact]
    public async Task A_meeting_is_created_once_and_found_again_by_its_unit_with_its_record_and_round()
    {
        var stores = await OpenFreshAsync();
        Assert.True(await stores.LifeMeetings.CreateAsync(NewMeeting("0a1b2c3d"), Ct));
        Assert.False(await stores.LifeMeetings.CreateAsync(NewMeeting("0a1b2c3d", "u2"), Ct));
        Assert.True(await stores.LifeMeetings.CreateAsync(NewMeeting("0a1b2c3e") with { OpenedAt = T0.AddDays(40) }, Ct));

        var recorded = NewMeeting("0a1b2c3d") with
        {
            Status = MeetingStatus.Recorded,
            SatisfactionRoundId = "deadbeef",
            Record = new MeetingRecord
            {
                Date = new DateOnly(2026, 3, 20),
                SupervisorPresent = true,
                Absent = ["telegram:3"],
                Speeches = [new MeetingSpeech("telegram:1", 31, 3), new MeetingSpeech("telegram:2", 22, 2)],
                Note = "会议开得严肃认真",
                RecordedBy = "telegram:9",
                RecordedAt = T0.AddDays(20),
            },
        };
        await stores.LifeMeetings.SaveAsync(recorded, Ct);

        var read = await stores.LifeMeetings.GetAsync("0a1b2c3d", Ct);
        Assert.Equal(MeetingStatus.Recorded, read!.Status);
        Assert.Equal("deadbeef", read.SatisfactionRoundId);
        Assert.Equal(new DateOnly(2026, 3, 20), read.Record!.Date);
        Assert.Equal([31, 22], read.Record.Speeches.Select(s => s.Minutes));
        Assert.Equal(["telegram:3"], read.Record.Absent);
        Assert.Equal("张主任", read.NameOf(read.HeadId));
        Assert.Equal(["0a1b2c3d", "0a1b2c3e"], (await stores.LifeMeetings.ListAsync("u1", Ct)).Select(m => m.Id));
        Assert.Empty(await stores.LifeMeetings.ListAsync("u2", Ct));
        Assert.Null(await stores.LifeMeetings.GetAsync("ffffffff", Ct));
    }

    [Fact]
    public async Task Criticism_talks_are_kept_per_pair_and_listed_by_their_meeting_only()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        var meeting = NewMeeting("0a1b2c3d");
        await stores.LifeMeetings.CreateAsync(meeting, Ct);
        foreach (var (from, to) in meeting.Pairs())
        {
            await stores.LifeMeetings.SaveTalkAsync(new CriticismTalk { MeetingId = meeting.Id, UnitId = meeting.UnitId, From = from, To = to }, Ct);
        }

        await stores.LifeMeetings.SaveTalkAsync(new CriticismTalk { MeetingId = "99999999", UnitId = "u1", From = "telegram:1", To = "telegram:2" }, Ct);
        var revised = new CriticismTalk
        {
            MeetingId = meeting.Id, UnitId = meeting.UnitId, From = "telegram:2", To = "telegram:3", Points = ["调研不够深入", "联系群众不经常"],
            Status = TalkStatus.SentBack, SentBackReason = "要具体", SentBackBy = "telegram:1", Returns = 1, Version = 2,
        };
        await stores.LifeMeetings.SaveTalkAsync(revised, Ct);

        // Reopened: the same data after a restart.
        stores = await OpenAsync(name);
        var talks = await stores.LifeMeetings.ListTalksAsync(meeting.Id, Ct);
        Assert.Equal(6, talks.Count);
        var read = await stores.LifeMeetings.GetTalkAsync(meeting.Id, "telegram:2", "telegram:3", Ct);
        Assert.Equal(TalkStatus.SentBack, read!.Status);
        Assert.Equal(["调研不够深入", "联系群众不经常"], read.Points);
        Assert.Equal(("要具体", 1, 2), (read.SentBackReason, read.Returns, read.Version));
        Assert.Null(await stores.LifeMeetings.GetTalkAsync(meeting.Id, "telegram:3", "telegram:3", Ct));
        Assert.Single(await stores.LifeMeetings.ListTalksAsync("99999999", Ct));
    }
}
