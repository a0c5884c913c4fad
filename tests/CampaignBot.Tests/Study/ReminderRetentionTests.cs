using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using static CampaignBot.Tests.Study.ReminderRig;

namespace CampaignBot.Tests.Study;

/// <summary>
/// Reminders over weeks while the message path prunes what it sent (Pipeline:Retention, a week by default): a slot that
/// stays the latest for longer than that, or a digest week, is still sent once.
/// </summary>
public sealed class ReminderRetentionTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task With_a_reminder_fourteen_days_before_a_member_is_reminded_then_and_on_the_day_though_sent_messages_are_pruned_after_a_week()
    {
        // East county's study deadline is 2027-01-30: the slot is on the 16th and stays the latest until the 30th.
        using var rig = new ReminderRig(Local(1, 15, 12));
        rig.Options.DaysBefore = [14];
        var member = await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();

        var sent = new List<string>();
        for (var day = 16; day <= 31; day++)
        {
            rig.Clock.SetUtcNow(Local(1, day, 10));
            await (await rig.WorkerAsync("a")).RunOnceAsync(Ct);
            sent.AddRange(await SendAndPruneAsync(rig));
        }

        Assert.Equal([$"remind:{member.Id}:20270130-d14", $"remind:{member.Id}:20270130-final"], sent);
    }

    [Fact]
    public async Task A_secretary_gets_each_weeks_digest_once_when_messages_are_pruned_after_a_day()
    {
        using var rig = new ReminderRig(Local(1, 10, 12));
        var secretary = await rig.AddMemberAsync("9", rank: "ordinary", role: "secretary");
        await rig.AddMemberAsync("1");
        await rig.ScheduleAsync();

        var sent = new List<string>();
        for (var day = 11; day <= 24; day++)
        {
            rig.Clock.SetUtcNow(Local(1, day, 10));
            await (await rig.WorkerAsync("a")).RunOnceAsync(Ct);
            sent.AddRange(await SendAndPruneAsync(rig, TimeSpan.FromDays(1)));
        }

        Assert.Equal([$"digest:{secretary.Id}:digest-20270111", $"digest:{secretary.Id}:digest-20270118"], sent.Where(id => id.StartsWith("digest:", StringComparison.Ordinal)));
    }

    /// <summary>Marks everything due as sent, then prunes sent messages older than the retention, as the host does hourly.</summary>
    private static async Task<IReadOnlyList<string>> SendAndPruneAsync(ReminderRig rig, TimeSpan? retention = null)
    {
        var stores = await rig.StoresAsync();
        var now = rig.Clock.GetUtcNow();
        var due = await stores.Outbox.ClaimDueAsync("sender", now.AddDays(1), TimeSpan.FromMinutes(5), 1000, Ct);
        foreach (var message in due)
        {
            await stores.Outbox.MarkSentAsync(message.Id, null, now, Ct);
        }

        var options = Microsoft.Extensions.Options.Options.Create(new PipelineOptions { Retention = retention ?? TimeSpan.FromDays(7) });
        await new RetentionWorker(stores.Inbox, stores.Outbox, options, rig.Clock, NullLogger<RetentionWorker>.Instance).RunOnceAsync(Ct);
        return [.. due.Select(m => m.Id)];
    }
}
