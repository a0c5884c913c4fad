using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Times_given_in_any_offset_keep_their_instant()
    {
        var stores = await OpenFreshAsync();
        var beijingNoon = new DateTimeOffset(2026, 3, 1, 12, 0, 0, Beijing);
        await stores.Jobs.UpsertAsync(Job("j", beijingNoon), Ct);

        var stored = (await stores.Jobs.GetAsync("j", Ct))!;

        Assert.Equal(beijingNoon.UtcDateTime, stored.DueAt.UtcDateTime);
        Assert.True(await stores.Jobs.TryLeaseAsync("j", beijingNoon.ToUniversalTime(), "n1", beijingNoon, TimeSpan.FromMinutes(1), Ct));
        Assert.True(await stores.Jobs.TryRecordFiringAsync(new JobFiring("j", beijingNoon, "n1", beijingNoon, null), Ct));
        Assert.False(await stores.Jobs.TryRecordFiringAsync(new JobFiring("j", beijingNoon.ToUniversalTime(), "n2", beijingNoon, null), Ct));
    }

    [Fact]
    public async Task Order_and_due_checks_follow_the_instant_not_the_written_clock_time()
    {
        var stores = await OpenFreshAsync();
        // 09:00 in Beijing is 01:00 UTC: earlier than 08:00 UTC although its clock reads later.
        var beijingNine = new DateTimeOffset(2026, 3, 1, 9, 0, 0, Beijing);
        await stores.Outbox.EnqueueAsync([Outbox("utc-eight", T0), Outbox("beijing-nine", beijingNine)], Ct);
        await stores.Jobs.UpsertAsync(Job("beijing-nine", beijingNine), Ct);
        await stores.Jobs.UpsertAsync(Job("utc-eight", T0), Ct);

        var claimed = await stores.Outbox.ClaimDueAsync("s1", T0, TimeSpan.FromMinutes(1), 10, Ct);
        var due = await stores.Jobs.DueAsync(beijingNine.AddMinutes(1), 10, Ct);

        Assert.Equal(["beijing-nine", "utc-eight"], claimed.Select(m => m.Id));
        Assert.Equal(["beijing-nine"], due.Select(j => j.Id));
    }
}
