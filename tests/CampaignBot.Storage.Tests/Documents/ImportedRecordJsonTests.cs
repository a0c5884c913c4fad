using System.Text.Json.Nodes;
using CampaignBot.Core.Features.Organisation;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Storage.Tests.Documents;

/// <summary>
/// Stored units and roster entries are kept as JSON documents (the same text in SQLite and MongoDB): the properties they
/// share through <see cref="ImportedRecord"/> stay flat, under the same names, and documents written before still read.
/// </summary>
public sealed class ImportedRecordJsonTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 8, 30, 0, TimeSpan.Zero);

    // As the store held a unit before the source, the active flag and the time stamp moved to the shared record.
    private const string OldUnit =
        """{"id":"town_a","name":"甲镇","kind":"township","parentId":"county_east","start":null,"startOffsetDays":15,"linkedGroup":"甲镇群","weComDepartmentId":"12","active":false,"source":"wecom","updatedAt":"2027-03-01T08:30:00+00:00"}""";

    private const string OldEntry =
        """{"key":"wecom:zhangsan","name":"张三","unitId":"town_a","hostUnitId":null,"rank":"section","role":"member","phone":null,"weComUserId":"zhangsan","telegramUsername":null,"inviteCode":null,"source":"wecom","active":false,"updatedAt":"2027-03-01T08:30:00+00:00"}""";

    [Fact]
    public void A_unit_document_written_before_reads_back_whole()
    {
        var unit = MessageJson.Deserialize<StoredUnit>(OldUnit);

        Assert.Equal(
            new StoredUnit
            {
                Id = "town_a", Name = "甲镇", Kind = "township", ParentId = "county_east", StartOffsetDays = 15, LinkedGroup = "甲镇群",
                WeComDepartmentId = "12", Active = false, Source = ImportedRecord.FromWeCom, UpdatedAt = At,
            },
            unit);
    }

    [Fact]
    public void A_roster_document_written_before_reads_back_whole()
    {
        var entry = MessageJson.Deserialize<RosterEntry>(OldEntry);

        Assert.Equal(
            new RosterEntry
            {
                Key = "wecom:zhangsan", Name = "张三", UnitId = "town_a", Rank = "section", Role = "member", WeComUserId = "zhangsan",
                Source = ImportedRecord.FromWeCom, Active = false, UpdatedAt = At,
            },
            entry);
    }

    [Fact]
    public void Units_and_roster_entries_are_written_flat_with_the_same_fields_as_before()
    {
        var unit = MessageJson.Serialize(MessageJson.Deserialize<StoredUnit>(OldUnit));
        var entry = MessageJson.Serialize(MessageJson.Deserialize<RosterEntry>(OldEntry));

        Assert.Equal(Fields(OldUnit), Fields(unit));
        Assert.Equal(Fields(OldEntry), Fields(entry));
        Assert.Equal(OldEntry, entry);
    }

    [Fact]
    public void A_new_record_comes_from_an_import_and_is_active()
    {
        var unit = new StoredUnit { Id = "u", Name = "单位", Kind = "township", UpdatedAt = At };
        var entry = new RosterEntry { Key = "phone:1", Name = "李四", UnitId = "u", Rank = "ordinary", Role = "member", UpdatedAt = At };

        Assert.Equal((ImportedRecord.FromImport, true), (unit.Source, unit.Active));
        Assert.Equal((ImportedRecord.FromImport, true), (entry.Source, entry.Active));
    }

    [Fact]
    public void Only_the_time_stamp_may_differ_for_a_record_to_be_the_same_as_another()
    {
        var unit = new StoredUnit { Id = "u", Name = "单位", Kind = "township", UpdatedAt = At };
        var entry = new RosterEntry { Key = "u", Name = "单位", UnitId = "u", Rank = "ordinary", Role = "member", UpdatedAt = At };

        Assert.True(unit.SameAs(unit with { UpdatedAt = At.AddDays(1) }));
        Assert.False(unit.SameAs(unit with { Active = false }));
        Assert.False(entry.SameAs(entry with { Source = ImportedRecord.FromWeCom }));
        Assert.False(unit.SameAs(entry));
    }

    private static string[] Fields(string json) => [.. JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
}
