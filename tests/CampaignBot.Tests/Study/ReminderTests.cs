using CampaignBot.Core.Features.Study;
using static CampaignBot.Tests.Study.ReminderRig;

namespace CampaignBot.Tests.Study;

public sealed class ReminderTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_member_below_the_minimum_gets_exactly_one_reminder_per_slot_across_a_restart()
    {
        // East county's deadline is 2027-01-30; the first slot is seven days before.
        using var rig = new ReminderRig(Local(1, 23, 8, 30));
        var member = await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();

        rig.Clock.SetUtcNow(Local(1, 23, 9));
        Assert.Equal(1, await (await rig.WorkerAsync("a")).RunOnceAsync(Ct));
        rig.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await (await rig.WorkerAsync("restarted")).RunOnceAsync(Ct));

        var sent = Assert.Single(await rig.OutboxAsync());
        Assert.Equal($"remind:{member.Id}:20270130-d7", sent.Id);
        Assert.Equal(member.PrivateChat, sent.Chat);
        var reminder = Assert.IsType<TextMessage>(sent.ReadBody());
        Assert.Contains("还有 7 天", reminder.Text, StringComparison.Ordinal);
        Assert.Equal([(("记录学习", RemindCommand.LogPayload)), ("暂停提醒 7 天", RemindCommand.MutePayload)], reminder.Buttons!.SelectMany(r => r).Select(b => (b.Label, b.Payload)));
    }

    [Fact]
    public async Task The_office_and_a_supervisor_filed_under_the_unit_get_no_study_reminder()
    {
        using var rig = new ReminderRig(Local(1, 23, 8, 30));
        var member = await rig.AddMemberAsync("1");
        await rig.AddMemberAsync("2", role: Roles.Supervisor);
        await rig.AddMemberAsync("3", role: Roles.CampaignOffice);
        await rig.ScheduleAsync();

        rig.Clock.SetUtcNow(Local(1, 23, 9));
        Assert.Equal(1, await (await rig.WorkerAsync("a")).RunOnceAsync(Ct));

        Assert.Equal([member.PrivateChat], (await rig.OutboxAsync()).Select(m => m.Chat));
    }

    [Fact]
    public async Task Two_scheduler_workers_firing_together_store_one_reminder()
    {
        using var rig = new ReminderRig(Local(1, 27, 8, 30));
        await rig.AddMemberAsync("1");
        await rig.AddMemberAsync("2", rank: "section");
        await rig.ScheduleAsync();
        var first = await rig.WorkerAsync("a");
        var second = await rig.WorkerAsync("b");

        rig.Clock.SetUtcNow(Local(1, 27, 9));
        var fired = await Task.WhenAll(Task.Run(() => first.RunOnceAsync(Ct)), Task.Run(() => second.RunOnceAsync(Ct)));

        Assert.Equal(1, fired.Sum());
        Assert.Equal(["20270130-d3", "20270130-d3"], (await rig.OutboxAsync()).Select(m => m.Id.Split(':')[^1]));
    }

    [Fact]
    public async Task A_member_who_reached_the_minimum_gets_no_reminder()
    {
        using var rig = new ReminderRig(Local(1, 29, 8, 30));
        var member = await rig.AddMemberAsync("1", rank: "section");
        var stores = await rig.StoresAsync();
        await stores.ActivityLog.AddAsync(Entry(member.Id, ActivityKind.Study, 10), Ct);
        await stores.ActivityLog.AddAsync(Entry(member.Id, ActivityKind.Research, 6), Ct);
        for (var i = 0; i < 3; i++)
        {
            await stores.Households.AddAsync(new Household { Id = $"h{i}", MemberId = member.Id, UnitId = "county_east", Label = $"户{i}", PairedAt = rig.Clock.GetUtcNow() }, Ct);
        }

        await rig.ScheduleAsync();
        rig.Clock.SetUtcNow(Local(1, 29, 9));

        Assert.Equal(1, await (await rig.WorkerAsync("a")).RunOnceAsync(Ct));
        Assert.Empty(await rig.OutboxAsync());
    }

    [Fact]
    public async Task A_reminder_due_at_23_00_is_sent_at_08_00_the_next_morning()
    {
        // The instance was down all day and comes back at 23:00 local on the slot's day.
        using var rig = new ReminderRig(Local(1, 23, 22, 30));
        await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();

        rig.Clock.SetUtcNow(Local(1, 23, 23));
        await (await rig.WorkerAsync("a")).RunOnceAsync(Ct);

        var sent = Assert.Single(await rig.OutboxAsync());
        Assert.Equal(Local(1, 24, 8), sent.NextAttemptAt);
    }

    [Fact]
    public async Task After_a_three_day_outage_one_catch_up_reminder_goes_out()
    {
        using var rig = new ReminderRig(Local(1, 23, 8, 30));
        var member = await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();
        rig.Clock.SetUtcNow(Local(1, 23, 9));
        await (await rig.WorkerAsync("a")).RunOnceAsync(Ct);

        // Down from the 25th to the 28th: the slot of the 27th (three days before) was missed.
        rig.Clock.SetUtcNow(Local(1, 28, 10, 30));
        var restarted = await rig.WorkerAsync("restarted");
        Assert.Equal(1, await restarted.RunOnceAsync(Ct));
        Assert.Equal(0, await restarted.RunOnceAsync(Ct));
        rig.Clock.Advance(TimeSpan.FromHours(1));
        await restarted.RunOnceAsync(Ct);

        Assert.Equal([$"remind:{member.Id}:20270130-d7", $"remind:{member.Id}:20270130-d3"], (await rig.OutboxAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_slot_missed_while_the_host_was_down_is_caught_up_when_it_comes_back_before_the_reminder_hour()
    {
        using var rig = new ReminderRig(Local(1, 23, 8, 30));
        var member = await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();
        rig.Clock.SetUtcNow(Local(1, 23, 9));
        await (await rig.WorkerAsync("a")).RunOnceAsync(Ct);

        // Down until 08:30 on the 28th: the slot of the 27th (three days before) was missed; it comes once, then nothing more that day.
        rig.Clock.SetUtcNow(Local(1, 28, 8, 30));
        var restarted = await rig.WorkerAsync("restarted");
        await restarted.RunOnceAsync(Ct);
        for (var hour = 9; hour <= 21; hour++)
        {
            rig.Clock.SetUtcNow(Local(1, 28, hour));
            await restarted.RunOnceAsync(Ct);
        }

        Assert.Equal([$"remind:{member.Id}:20270130-d7", $"remind:{member.Id}:20270130-d3"], (await rig.OutboxAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_member_who_picked_an_evening_hour_gets_the_slot_missed_while_the_host_was_down_once_it_is_back()
    {
        using var rig = new ReminderRig(Local(1, 26, 12, 30));
        var member = await rig.AddMemberAsync("1");
        var stores = await rig.StoresAsync();
        await stores.ReminderSettings.UpsertAsync(new ReminderSettings { MemberId = member.Id, Hour = 19 }, Ct);
        await rig.ScheduleAsync();
        var worker = await rig.WorkerAsync("a");
        rig.Clock.SetUtcNow(Local(1, 26, 13));
        await worker.RunOnceAsync(Ct);

        // Down from 13:00 on the 26th to 10:00 on the 28th: the slot of the 27th at 19:00 was missed.
        rig.Clock.SetUtcNow(Local(1, 28, 10));
        await worker.RunOnceAsync(Ct);
        for (var hour = 11; hour <= 21; hour++)
        {
            rig.Clock.SetUtcNow(Local(1, 28, hour));
            await worker.RunOnceAsync(Ct);
        }

        Assert.Equal([$"remind:{member.Id}:20270130-d3"], (await rig.OutboxAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_weekly_digest_missed_on_its_monday_while_the_host_was_down_comes_once_when_it_is_back_before_the_hour()
    {
        // 2027-01-25 is a Monday; the host is down from Sunday until 08:30 on Tuesday.
        using var rig = new ReminderRig(Local(1, 24, 8, 30));
        var secretary = await rig.AddMemberAsync("9", rank: "ordinary", role: "secretary");
        await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();

        rig.Clock.SetUtcNow(Local(1, 26, 8, 30));
        var worker = await rig.WorkerAsync("a");
        await worker.RunOnceAsync(Ct);
        for (var hour = 9; hour <= 12; hour++)
        {
            rig.Clock.SetUtcNow(Local(1, 26, hour));
            await worker.RunOnceAsync(Ct);
        }

        var digest = Assert.Single(await rig.OutboxAsync(), m => m.Id.StartsWith("digest:", StringComparison.Ordinal));
        Assert.Equal($"digest:{secretary.Id}:digest-20270125", digest.Id);
    }

    [Fact]
    public async Task A_muted_member_gets_no_reminder_and_one_who_picked_a_later_hour_gets_it_then()
    {
        using var rig = new ReminderRig(Local(1, 23, 8, 30));
        var muted = await rig.AddMemberAsync("1");
        var late = await rig.AddMemberAsync("2");
        var stores = await rig.StoresAsync();
        await stores.ReminderSettings.UpsertAsync(new ReminderSettings { MemberId = muted.Id, MutedUntil = new DateOnly(2027, 1, 24) }, Ct);
        await stores.ReminderSettings.UpsertAsync(new ReminderSettings { MemberId = late.Id, Hour = 18 }, Ct);
        await rig.ScheduleAsync();
        var worker = await rig.WorkerAsync("a");

        rig.Clock.SetUtcNow(Local(1, 23, 9));
        await worker.RunOnceAsync(Ct);
        Assert.Empty(await rig.OutboxAsync());

        rig.Clock.SetUtcNow(Local(1, 23, 18));
        await worker.RunOnceAsync(Ct);
        Assert.Equal([$"remind:{late.Id}:20270130-d7"], (await rig.OutboxAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_secretary_gets_one_weekly_digest_naming_who_is_behind()
    {
        // 2027-01-25 is a Monday, the default digest day.
        using var rig = new ReminderRig(Local(1, 25, 8, 30));
        var secretary = await rig.AddMemberAsync("9", rank: "ordinary", role: "secretary");
        await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();
        var worker = await rig.WorkerAsync("a");

        rig.Clock.SetUtcNow(Local(1, 25, 9));
        await worker.RunOnceAsync(Ct);
        rig.Clock.SetUtcNow(Local(1, 26, 9));
        await worker.RunOnceAsync(Ct);

        var digest = Assert.Single(await rig.OutboxAsync(), m => m.Id.StartsWith("digest:", StringComparison.Ordinal));
        Assert.Equal($"digest:{secretary.Id}:digest-20270125", digest.Id);
        var body = Assert.IsType<TextMessage>(digest.ReadBody());
        Assert.Contains("成员1", body.Text, StringComparison.Ordinal);
        Assert.Equal(("查看待办", "cmd:todo"), body.Buttons!.SelectMany(r => r).Select(b => (b.Label, b.Payload)).Single());
    }

    [Fact]
    public void A_grassroots_units_deadline_is_half_a_month_after_its_countys()
    {
        using var rig = new ReminderRig(Local(1, 1, 9));
        var progress = new StudyProgressService(rig.Campaign, rig.Calendar, null!, null!);

        Assert.Equal(new DateOnly(2027, 1, 30), progress.Deadline("county_east"));
        Assert.Equal(progress.Deadline("county_east").AddDays(15), progress.Deadline("town_chengguan"));
    }

    private static ActivityEntry Entry(string member, ActivityKind kind, int halfDays) => new()
    {
        Id = $"{member}-{kind}",
        Kind = kind,
        MemberId = member,
        UnitId = "county_east",
        Date = new DateOnly(2027, 1, 10),
        HalfDays = halfDays,
        RecordedBy = member,
        RecordedAt = DateTimeOffset.UnixEpoch,
    };
}
