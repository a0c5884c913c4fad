using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Activity_entry_round_trips_and_a_second_add_with_its_id_changes_nothing()
    {
        var stores = await OpenFreshAsync();
        var entry = Entry("e1", "m1", new DateOnly(2027, 3, 5)) with { Form = "self", Topic = "theory", Note = "读党章", Opinions = null };

        Assert.True(await stores.ActivityLog.AddAsync(entry, Ct));
        Assert.False(await stores.ActivityLog.AddAsync(entry with { HalfDays = 9 }, Ct));

        Assert.Equal(entry, await stores.ActivityLog.GetAsync("e1", Ct));
    }

    [Fact]
    public async Task Activity_entry_replace_corrects_an_existing_entry_only()
    {
        var stores = await OpenFreshAsync();
        await stores.ActivityLog.AddAsync(Entry("e1", "m1", new DateOnly(2027, 3, 5)), Ct);
        var corrected = Entry("e1", "m1", new DateOnly(2027, 3, 4)) with { HalfDays = 1, Confirmed = true };

        Assert.True(await stores.ActivityLog.ReplaceAsync(corrected, Ct));
        Assert.False(await stores.ActivityLog.ReplaceAsync(Entry("nope", "m1", new DateOnly(2027, 3, 4)), Ct));

        Assert.Equal(corrected, await stores.ActivityLog.GetAsync("e1", Ct));
        Assert.Null(await stores.ActivityLog.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task Activity_entries_are_filtered_by_unit_member_and_kind_and_ordered_by_date()
    {
        var stores = await OpenFreshAsync();
        await stores.ActivityLog.AddAsync(Entry("b", "m1", new DateOnly(2027, 3, 6)), Ct);
        await stores.ActivityLog.AddAsync(Entry("a", "m1", new DateOnly(2027, 3, 5)), Ct);
        await stores.ActivityLog.AddAsync(Entry("c", "m2", new DateOnly(2027, 3, 1)) with { Kind = ActivityKind.Research }, Ct);
        await stores.ActivityLog.AddAsync(Entry("d", "m3", new DateOnly(2027, 3, 1), unit: "u2"), Ct);

        Assert.Equal(["a", "b"], (await stores.ActivityLog.ListAsync(null, "m1", null, Ct)).Select(e => e.Id));
        Assert.Equal(["a", "b"], (await stores.ActivityLog.ListAsync("u1", null, ActivityKind.Study, Ct)).Select(e => e.Id));
        Assert.Equal(["c"], (await stores.ActivityLog.ListAsync(null, null, ActivityKind.Research, Ct)).Select(e => e.Id));
        Assert.Equal(4, (await stores.ActivityLog.ListAsync(null, null, null, Ct)).Count);
    }

    [Fact]
    public async Task Activity_store_refuses_a_negative_length_with_a_clear_error()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.ActivityLog.AddAsync(Entry("e", "m", new DateOnly(2027, 3, 5)) with { HalfDays = -1 }, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.ActivityLog.AddAsync(null!, Ct));
    }

    [Fact]
    public async Task Household_label_is_unique_per_member_and_listed_in_pairing_order()
    {
        var stores = await OpenFreshAsync();

        Assert.True(await stores.Households.AddAsync(House("h1", "m1", "王大爷家", T0), Ct));
        Assert.False(await stores.Households.AddAsync(House("h2", "m1", "王大爷家", T0.AddMinutes(1)), Ct));
        Assert.False(await stores.Households.AddAsync(House("h1", "m2", "李家", T0), Ct));
        Assert.True(await stores.Households.AddAsync(House("h3", "m2", "王大爷家", T0.AddMinutes(2)), Ct));
        Assert.True(await stores.Households.AddAsync(House("h0", "m1", "张家", T0.AddMinutes(3)), Ct));

        Assert.Equal(["h1", "h0"], (await stores.Households.ListAsync(null, "m1", Ct)).Select(h => h.Id));
        Assert.Equal(House("h3", "m2", "王大爷家", T0.AddMinutes(2)), Assert.Single(await stores.Households.ListAsync("u1", "m2", Ct)));
    }

    [Fact]
    public async Task Activity_entry_remove_deletes_that_entry_only_and_says_when_there_was_none()
    {
        var stores = await OpenFreshAsync();
        await stores.ActivityLog.AddAsync(Entry("e1", "m1", new DateOnly(2027, 3, 5)), Ct);
        await stores.ActivityLog.AddAsync(Entry("e2", "m1", new DateOnly(2027, 3, 6)), Ct);

        Assert.True(await stores.ActivityLog.RemoveAsync("e1", Ct));
        Assert.False(await stores.ActivityLog.RemoveAsync("e1", Ct));

        Assert.Null(await stores.ActivityLog.GetAsync("e1", Ct));
        Assert.Equal(["e2"], (await stores.ActivityLog.ListAsync(null, "m1", null, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task Household_rename_keeps_labels_unique_per_member_and_remove_ends_the_pairing()
    {
        var stores = await OpenFreshAsync();
        await stores.Households.AddAsync(House("h1", "m1", "王大爷家", T0), Ct);
        await stores.Households.AddAsync(House("h2", "m1", "张家", T0.AddMinutes(1)), Ct);
        await stores.Households.AddAsync(House("h3", "m2", "李家", T0.AddMinutes(2)), Ct);

        Assert.True(await stores.Households.RenameAsync("h1", "东关村王大爷家", Ct));
        Assert.False(await stores.Households.RenameAsync("h2", "东关村王大爷家", Ct));
        Assert.True(await stores.Households.RenameAsync("h3", "张家", Ct));
        Assert.False(await stores.Households.RenameAsync("nope", "x家", Ct));
        Assert.True(await stores.Households.RemoveAsync("h2", Ct));
        Assert.False(await stores.Households.RemoveAsync("h2", Ct));

        Assert.Equal(["东关村王大爷家"], (await stores.Households.ListAsync(null, "m1", Ct)).Select(h => h.Label));
        Assert.Equal("张家", Assert.Single(await stores.Households.ListAsync(null, "m2", Ct)).Label);
    }

    [Fact]
    public async Task A_household_without_an_id_or_a_label_is_refused_and_nothing_is_stored()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Households.AddAsync(House(" ", "m1", "王大爷家", T0), Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Households.AddAsync(House("h1", "m1", " ", T0), Ct));

        Assert.Empty(await stores.Households.ListAsync(null, null, Ct));
    }

    [Fact]
    public async Task Reminder_settings_are_one_per_member_and_replaced_on_upsert()
    {
        var stores = await OpenFreshAsync();
        await stores.ReminderSettings.UpsertAsync(new ReminderSettings { MemberId = "m1", Hour = 9 }, Ct);
        var muted = new ReminderSettings { MemberId = "m1", Hour = null, MutedUntil = new DateOnly(2027, 3, 9) };

        await stores.ReminderSettings.UpsertAsync(muted, Ct);

        Assert.Equal(muted, await stores.ReminderSettings.GetAsync("m1", Ct));
        Assert.Null(await stores.ReminderSettings.GetAsync("m2", Ct));
        Assert.Single(await stores.ReminderSettings.ListAsync(Ct));
    }

    private static ActivityEntry Entry(string id, string member, DateOnly date, string unit = "u1") => new()
    {
        Id = id,
        Kind = ActivityKind.Study,
        MemberId = member,
        UnitId = unit,
        Date = date,
        HalfDays = 2,
        RecordedBy = member,
        RecordedAt = T0,
    };

    private static Household House(string id, string member, string label, DateTimeOffset at) => new()
    {
        Id = id,
        MemberId = member,
        UnitId = "u1",
        Label = label,
        PairedAt = at,
    };
}
