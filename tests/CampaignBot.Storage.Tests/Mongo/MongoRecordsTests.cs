using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Mongo;
using MongoDB.Bson;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>The convention mapper between records and BSON documents: the shape the hand-written mappers stored.</summary>
public sealed class MongoRecordsTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_member_is_stored_under_camel_case_fields_with_its_id_as_the_key()
    {
        var member = new Member
        {
            Id = "telegram:1", Channel = "telegram", UserId = "1", Name = "张三", Rank = "county", UnitId = "u1", Role = Roles.Member,
            RegisteredAt = At,
        };

        var doc = new MongoRecords<Member>(nameof(Member.Id)).ToDocument(member);

        Assert.Equal(
            ["_id", "channel", "userId", "name", "rank", "unitId", "role", "languageCode", "registeredAt", "hostUnitId", "deactivatedAt"],
            doc.Names);
        Assert.Equal("telegram:1", doc["_id"].AsString);
        Assert.Equal(BsonType.DateTime, doc["registeredAt"].BsonType);
        Assert.True(doc["hostUnitId"].IsBsonNull);
    }

    [Fact]
    public void Enums_are_names_counts_keep_their_width_and_times_come_back_in_utc()
    {
        var records = new MongoRecords<InboxItem>(nameof(InboxItem.Id));
        var item = new InboxItem
        {
            Id = "telegram:7", ConversationKey = "telegram:42", Sequence = 9_000_000_000, Payload = "{}", ReceivedAt = At.ToOffset(TimeSpan.FromHours(8)),
            Status = InboxStatus.Failed, Attempts = 2, LeaseOwner = "w1", LeaseUntil = At, Error = "boom",
        };

        var doc = records.ToDocument(item);
        var back = records.FromDocument(doc);

        Assert.Equal("Failed", doc["status"].AsString);
        Assert.Equal(BsonType.Int64, doc["sequence"].BsonType);
        Assert.Equal(BsonType.Int32, doc["attempts"].BsonType);
        Assert.Equal(item with { ReceivedAt = At }, back);
        Assert.Equal(TimeSpan.Zero, back.ReceivedAt.Offset);
    }

    [Fact]
    public void Dates_are_iso_text_and_lists_are_arrays()
    {
        var settings = new MongoRecords<ReminderSettings>(nameof(ReminderSettings.MemberId));
        var invites = new MongoRecords<Invite>(nameof(Invite.Code));

        var muted = settings.ToDocument(new ReminderSettings { MemberId = "m1", Hour = 20, MutedUntil = new DateOnly(2027, 2, 28) });
        var invite = invites.ToDocument(new Invite { Code = "ABC", UnitId = "u1", Role = Roles.Member, MaxUses = 3, CreatedAt = At, RedeemedBy = ["m1", "m2"] });

        Assert.Equal("2027-02-28", muted["mutedUntil"].AsString);
        Assert.Equal(20, muted["hour"].AsInt32);
        Assert.Equal(new DateOnly(2027, 2, 28), settings.FromDocument(muted).MutedUntil);
        Assert.Equal(["m1", "m2"], invite["redeemedBy"].AsBsonArray.Select(v => v.AsString));
        Assert.Equal(["m1", "m2"], invites.FromDocument(invite).RedeemedBy);
        Assert.False(invite.Contains("uses"));
    }

    [Fact]
    public void A_positional_record_is_stored_by_its_properties_and_made_again_through_its_constructor()
    {
        var records = new MongoRecords<SignInLink>(nameof(SignInLink.TokenHash));
        var link = new SignInLink("hash-1", "telegram:1", At, At.AddMinutes(15));

        var doc = records.ToDocument(link);

        Assert.Equal(["_id", "memberId", "createdAt", "expiresAt", "usedAt"], doc.Names);
        Assert.True(doc["usedAt"].IsBsonNull);
        Assert.Equal(link, records.FromDocument(doc));
        Assert.Equal(link with { UsedAt = At }, records.FromDocument(records.ToDocument(link with { UsedAt = At })));
        doc.Remove("usedAt");
        Assert.Equal(link, records.FromDocument(doc));
    }

    [Fact]
    public async Task A_record_with_a_blank_key_or_a_blank_required_property_is_refused_before_it_is_written()
    {
        var records = new MongoRecords<Household>(nameof(Household.Id), nameof(Household.Label));
        Household House(string id, string label) => new() { Id = id, MemberId = "m1", UnitId = "u1", Label = label, PairedAt = At };

        // The collection is never reached: the refusal comes first, so no server is needed.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => records.TryInsertAsync(null!, House(" ", "王家"), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => records.TryInsertAsync(null!, House("h1", ""), CancellationToken.None));
    }

    [Fact]
    public void A_field_missing_from_an_older_document_leaves_the_record_default()
    {
        var invites = new MongoRecords<Invite>(nameof(Invite.Code));
        var old = new BsonDocument
        {
            { "_id", "ABC" }, { "unitId", "u1" }, { "role", Roles.Member }, { "maxUses", 3 }, { "createdAt", new BsonDateTime(At.UtcDateTime) },
            { "expiresAt", BsonNull.Value },
        };

        var invite = invites.FromDocument(old);

        Assert.Equal("ABC", invite.Code);
        Assert.Empty(invite.RedeemedBy);
        Assert.Null(invite.Name);
        Assert.Null(invite.ExpiresAt);
        Assert.Equal(At, invite.CreatedAt);
    }

    [Fact]
    public void An_inbox_document_stored_before_the_lease_was_shared_reads_back_whole_and_keeps_its_fields()
    {
        var records = new MongoRecords<InboxItem>(nameof(InboxItem.Id));
        var old = new BsonDocument
        {
            { "_id", "telegram:7" }, { "conversationKey", "telegram:42" }, { "sequence", 9L }, { "payload", "{}" },
            { "receivedAt", new BsonDateTime(At.UtcDateTime) }, { "status", "Failed" }, { "attempts", 2 }, { "leaseOwner", "w1" },
            { "leaseUntil", new BsonDateTime(At.AddMinutes(1).UtcDateTime) }, { "error", "boom" },
        };

        var item = records.FromDocument(old);

        Assert.Equal(
            new InboxItem
            {
                Id = "telegram:7", ConversationKey = "telegram:42", Sequence = 9, Payload = "{}", ReceivedAt = At,
                Status = InboxStatus.Failed, Attempts = 2, LeaseOwner = "w1", LeaseUntil = At.AddMinutes(1), Error = "boom",
            },
            item);
        Assert.Equal(old.Names.Order(StringComparer.Ordinal), records.ToDocument(item).Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_job_is_stored_under_the_same_fields_in_the_same_order_with_its_lease_last()
    {
        var job = new ScheduledJob { Id = "j1", Kind = "reminder", Payload = "{}", DueAt = At, Recurrence = "monthly", LeaseOwner = "w1", LeaseUntil = At };

        var doc = new MongoRecords<ScheduledJob>(nameof(ScheduledJob.Id)).ToDocument(job);

        Assert.Equal(["_id", "kind", "payload", "dueAt", "recurrence", "leaseOwner", "leaseUntil"], doc.Names);
        Assert.Equal("w1", doc["leaseOwner"].AsString);
    }

    [Fact]
    public void A_key_the_record_does_not_have_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MongoRecords<Household>("Code"));
}
