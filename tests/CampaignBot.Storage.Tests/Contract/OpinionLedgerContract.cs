using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Messaging;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task No_stored_anonymous_opinion_carries_a_user_id_or_a_chat_id()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        var collection = NewCollection("c0ffee01", "QX7K2M");
        await stores.Opinions.CreateCollectionAsync(collection, Ct);
        const string giverUserId = "987654321";
        const string giverChatId = "chat-555444";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("secret-key-0123456789"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes($"{collection.Id}\ntelegram:{giverUserId}")));

        Assert.True(await stores.Opinions.TryTakePlaceAsync(collection.Id, hash, 3, Ct));
        Assert.True(await stores.Opinions.AddAsync(NewOpinion("ABCD2345", collection.Id), "receipt-hash-1", Ct));
        await stores.Opinions.UpdateAsync(NewOpinion("ABCD2345", collection.Id).With(OpinionStatus.Answered, "telegram:secretary-1", T0.AddDays(2).AddHours(3), OpinionTexts.ChangeAnswered), Ct);

        var raw = (await RawRecordsAsync(name, DocumentOpinionStore.Table)).Concat(await RawRecordsAsync(name, DocumentOpinionStore.PlaceTable)).ToList();
        Assert.Equal(3, raw.Count);
        Assert.All(raw, row =>
        {
            Assert.DoesNotContain(giverUserId, row, StringComparison.Ordinal);
            Assert.DoesNotContain(giverChatId, row, StringComparison.Ordinal);
            Assert.DoesNotContain("telegram:9", row, StringComparison.Ordinal);
        });

        // The exact time it was given is not kept either: the opinion row holds the date only.
        Assert.DoesNotContain("2026-03-01T08", raw[0], StringComparison.Ordinal);
        Assert.Contains("2026-03-01", raw[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_giver_takes_at_most_the_allowed_places_in_a_collection_even_when_pressing_at_once()
    {
        var stores = await OpenFreshAsync();

        var taken = await InParallelAsync(8, _ => stores.Opinions.TryTakePlaceAsync("c1", "hash-a", 3, Ct));

        Assert.Equal(3, taken.Count(t => t));
        Assert.True(await stores.Opinions.TryTakePlaceAsync("c1", "hash-b", 3, Ct));
        Assert.False(await stores.Opinions.TryTakePlaceAsync("c1", "hash-a", 3, Ct));
    }

    [Fact]
    public async Task A_collection_is_found_by_its_code_and_a_second_collection_with_the_same_code_is_refused()
    {
        var stores = await OpenFreshAsync();
        Assert.True(await stores.Opinions.CreateCollectionAsync(NewCollection("aaaa0001", "CODE22"), Ct));

        Assert.False(await stores.Opinions.CreateCollectionAsync(NewCollection("aaaa0002", "code22"), Ct));
        Assert.Equal("aaaa0001", (await stores.Opinions.FindCollectionByCodeAsync("code22", Ct))?.Id);
        Assert.Null(await stores.Opinions.FindCollectionByCodeAsync("NOPE99", Ct));
        Assert.Equal(["aaaa0001"], (await stores.Opinions.ListCollectionsAsync("u1", Ct)).Select(c => c.Id));
    }

    [Fact]
    public async Task An_opinion_id_is_stored_once_and_found_again_by_its_receipt_with_its_status()
    {
        var stores = await OpenFreshAsync();
        Assert.True(await stores.Opinions.AddAsync(NewOpinion("ABCD2345", "c1"), "receipt-hash-1", Ct));
        Assert.False(await stores.Opinions.AddAsync(NewOpinion("ABCD2345", "c1") with { Text = "另一条意见内容，不应覆盖。" }, "receipt-hash-2", Ct));

        var adopted = NewOpinion("ABCD2345", "c1").With(OpinionStatus.Adopted, "m-secretary", T0.AddHours(1), OpinionTexts.ChangeAdopted("L123456")) with { LedgerItemId = "L123456" };
        await stores.Opinions.UpdateAsync(adopted, Ct);

        var read = await stores.Opinions.GetAsync("abcd2345", Ct);
        Assert.Equal(OpinionStatus.Adopted, read?.Status);
        Assert.Equal("L123456", read?.LedgerItemId);
        Assert.Single(read!.Changes);
        Assert.Equal("群众反映窗口办事推诿，跑了三次才办成。", read.Text);
        Assert.Single(await stores.Opinions.ListAsync("u1", Ct));
        Assert.Empty(await stores.Opinions.ListAsync("u2", Ct));
        Assert.Equal("L123456", (await stores.Opinions.FindByReceiptAsync("receipt-hash-1", Ct))?.LedgerItemId);
        Assert.Null(await stores.Opinions.FindByReceiptAsync("receipt-hash-2", Ct));
    }

    [Fact]
    public async Task Who_was_asked_is_listed_per_member()
    {
        var stores = await OpenFreshAsync();
        await stores.Opinions.RecordAskedAsync(new OpinionAsked("c1", "m1", "u1", new DateOnly(2026, 3, 1)), Ct);
        await stores.Opinions.RecordAskedAsync(new OpinionAsked("c2", "m1", "u1", new DateOnly(2026, 3, 9)), Ct);
        await stores.Opinions.RecordAskedAsync(new OpinionAsked("c2", "m1", "u1", new DateOnly(2026, 3, 9)), Ct);

        Assert.Equal(["c1", "c2"], (await stores.Opinions.ListAskedAsync("m1", Ct)).Select(a => a.CollectionId).Order());
        Assert.Empty(await stores.Opinions.ListAskedAsync("m2", Ct));
    }

    [Fact]
    public async Task A_ledger_item_without_responsible_person_measures_or_deadline_cannot_be_saved()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => stores.Ledger.SaveAsync(NewItem("L000001") with { LeadLeaderId = "" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => stores.Ledger.SaveAsync(NewItem("L000002") with { Measures = " " }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => stores.Ledger.SaveAsync(NewItem("L000003") with { Deadline = default }, Ct));

        Assert.Empty(await stores.Ledger.ListAsync(null, Ct));
        await stores.Ledger.SaveAsync(NewItem("L000004"), Ct);
        Assert.Equal(NewItem("L000004").Measures, (await stores.Ledger.GetAsync("l000004", Ct))?.Measures);
    }

    [Fact]
    public async Task The_items_a_member_leads_are_listed_in_every_unit_and_follow_a_change_of_lead_leader()
    {
        var stores = await OpenFreshAsync();
        await stores.Ledger.SaveAsync(NewItem("L000002") with { UnitId = "u2" }, Ct);
        await stores.Ledger.SaveAsync(NewItem("L000001"), Ct);
        await stores.Ledger.SaveAsync(NewItem("L000003") with { LeadLeaderId = "telegram:102" }, Ct);
        await stores.Ledger.SaveAsync(NewItem("L000004") with { UnitId = "u2" }, Ct);
        await stores.Ledger.SaveAsync(NewItem("L000004") with { UnitId = "u2", LeadLeaderId = "telegram:102" }, Ct);

        Assert.Equal(["L000001", "L000002"], (await stores.Ledger.ListLedByAsync("telegram:101", Ct)).Select(i => i.Id));
        Assert.Equal(["L000003", "L000004"], (await stores.Ledger.ListLedByAsync("telegram:102", Ct)).Select(i => i.Id));
        Assert.Empty(await stores.Ledger.ListLedByAsync("telegram:999", Ct));
    }

    [Fact]
    public async Task Ledger_history_is_append_only_and_read_in_order()
    {
        var stores = await OpenFreshAsync();
        await stores.Ledger.SaveAsync(NewItem("L000001"), Ct);
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 2, T0.AddDays(1), "m1", "进展：已召开专题会"), Ct));
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 1, T0, "m1", "建立"), Ct));

        Assert.False(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 1, T0.AddDays(2), "m2", "改写历史"), Ct));

        var history = await stores.Ledger.HistoryAsync("L000001", Ct);
        Assert.Equal(["建立", "进展：已召开专题会"], history.Select(e => e.What));
        Assert.Empty(await stores.Ledger.HistoryAsync("L000009", Ct));
    }

    [Fact]
    public async Task A_ledger_history_line_keeps_its_english_and_a_line_without_one_reads_in_chinese()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        await stores.Ledger.SaveAsync(NewItem("L000001"), Ct);
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 1, T0, "m1", "建立"), Ct));
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 2, T0.AddDays(1), "m1", "确认完成，销号", "Confirmed done and closed"), Ct));

        var history = await stores.Ledger.HistoryAsync("L000001", Ct);

        Assert.Equal(["建立", "确认完成，销号"], history.Select(e => e.What));
        Assert.Equal(["建立", "Confirmed done and closed"], history.Select(e => e.WhatIn(Language.English)));
        Assert.Equal(["建立", "确认完成，销号"], history.Select(e => e.WhatIn(Language.Chinese)));

        // A line without its English is stored exactly as lines were before there was one, so old rows read the same way.
        var raw = await RawRecordsAsync(name, DocumentLedgerStore.HistoryTable);
        Assert.Single(raw, row => row.Contains("Confirmed done and closed", StringComparison.Ordinal));
        Assert.Single(raw, row => !row.Contains("english", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_ledger_history_line_keeps_the_status_it_left_and_an_item_its_change_time()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        await stores.Ledger.SaveAsync(NewItem("L000001") with { Status = LedgerStatus.Done, ChangedAt = T0.AddDays(1) }, Ct);
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 1, T0, "m1", "建立", null, LedgerStatus.NotStarted), Ct));
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 2, T0.AddDays(1), "m1", "确认完成，销号", "Confirmed done and closed", LedgerStatus.Done), Ct));
        Assert.True(await stores.Ledger.AppendAsync(new LedgerEntry("L000001", 3, T0.AddDays(2), "m1", "旧行"), Ct));

        var history = await stores.Ledger.HistoryAsync("L000001", Ct);

        Assert.Equal([LedgerStatus.NotStarted, LedgerStatus.Done, null], history.Select(e => e.Status));
        Assert.Equal(T0.AddDays(1), (await stores.Ledger.GetAsync("L000001", Ct))?.ChangedAt);
        Assert.Single(await RawRecordsAsync(name, DocumentLedgerStore.HistoryTable), row => !row.Contains("status", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_opinion_change_keeps_its_english_beside_the_chinese()
    {
        var stores = await OpenFreshAsync();
        Assert.True(await stores.Opinions.AddAsync(NewOpinion("ABCD2345", "c1"), "receipt-hash-1", Ct));
        await stores.Opinions.UpdateAsync(NewOpinion("ABCD2345", "c1").With(OpinionStatus.Merged, "m-secretary", T0.AddHours(1), OpinionTexts.ChangeMerged("EFGH6789")), Ct);

        var change = Assert.Single((await stores.Opinions.GetAsync("ABCD2345", Ct))!.Changes);

        Assert.Equal("合并到 EFGH6789", change.What);
        Assert.Equal("Merged into EFGH6789", change.WhatIn(Language.English));
        Assert.Equal("合并到 EFGH6789", (change with { English = null }).WhatIn(Language.English));
    }

    [Fact]
    public async Task A_ledger_item_keeps_its_evidence_institution_and_status_and_lists_by_unit()
    {
        var stores = await OpenFreshAsync();
        var item = NewItem("L000001") with
        {
            Status = LedgerStatus.Done,
            Evidence = [new Evidence(T0, "m1", "整改报告.pdf：窗口实行首问负责制")],
            Institution = InstitutionChange.Establish,
            InstitutionTitle = "首问负责制度",
            ConfirmedOn = new DateOnly(2026, 4, 1),
            EscalationLevel = 2,
        };
        await stores.Ledger.SaveAsync(item, Ct);
        await stores.Ledger.SaveAsync(NewItem("L000002") with { UnitId = "u2" }, Ct);

        var read = Assert.Single(await stores.Ledger.ListAsync("u1", Ct));
        Assert.Equal(LedgerStatus.Done, read.Status);
        Assert.Equal(InstitutionChange.Establish, read.Institution);
        Assert.Equal(item.Evidence, read.Evidence);
        Assert.Equal(2, read.EscalationLevel);
        Assert.Equal(2, (await stores.Ledger.ListAsync(null, Ct)).Count);
    }

    [Fact]
    public async Task A_photo_and_a_document_as_evidence_keep_their_kind_name_size_hash_and_fetch_state()
    {
        var stores = await OpenFreshAsync();
        Evidence[] evidence =
        [
            new(T0, "m1", "窗口公示栏") { Id = "EPHOTO1", Kind = EvidenceKind.Photo, FileName = "公示栏.jpg", MimeType = "image/jpeg", Size = 1_234_567, Sha256 = new string('a', 64), File = EvidenceFileState.Stored },
            new(T0, "m1", string.Empty) { Id = "EDOC001", Kind = EvidenceKind.Document, FileName = "整改报告.pdf", File = EvidenceFileState.Fetching, Channel = "telegram", FileRef = "BQACAgUAAx", Attempts = 2, Failure = "timed out" },
        ];
        await stores.Ledger.SaveAsync(NewItem("L000003") with { Evidence = evidence, AwaitingConfirmation = true }, Ct);

        var read = await stores.Ledger.GetAsync("L000003", Ct);

        Assert.Equal(evidence, read!.Evidence);
        Assert.Equal("照片 公示栏.jpg 1.2 MB：窗口公示栏", read.Evidence[0].Describe());
        Assert.Equal("document 整改报告.pdf (being saved)", read.Evidence[1].Describe(english: true));
    }

    [Fact]
    public async Task An_inbox_update_with_a_photo_or_another_medium_round_trips_with_its_file_reference()
    {
        var stores = await OpenFreshAsync();
        var photo = new Inbound("p1", 1, PrivateChat(), new UserRef("u1"), new PhotoInput("AgACAgUAAx", "photo-1.jpg", "image/jpeg", 2048, "说明"), T0);
        var sticker = photo with { UpdateId = "p2", Sequence = 2, Content = new OtherMediaInput("sticker") };
        Assert.True(await stores.Inbox.AddAsync(Core.Storage.InboxItem.From(photo, T0), Ct));
        Assert.True(await stores.Inbox.AddAsync(Core.Storage.InboxItem.From(sticker, T0), Ct));

        Assert.Equal(photo.Content, (await stores.Inbox.GetAsync(Core.Storage.InboxItem.From(photo, T0).Id, Ct))!.ReadUpdate().Content);
        Assert.Equal(sticker.Content, (await stores.Inbox.GetAsync(Core.Storage.InboxItem.From(sticker, T0).Id, Ct))!.ReadUpdate().Content);
    }

    [Fact]
    public async Task A_dispatch_report_is_one_per_unit_and_month_and_a_month_is_published_once_and_reads_back_as_published()
    {
        var stores = await OpenFreshAsync();
        await stores.Bulletins.SaveDispatchAsync(NewDispatch("u1", "2026-03", 1), Ct);
        await stores.Bulletins.SaveDispatchAsync(NewDispatch("u1", "2026-03", 4), Ct);
        await stores.Bulletins.SaveDispatchAsync(NewDispatch("u2", "2026-03", 2), Ct);
        await stores.Bulletins.SaveDispatchAsync(NewDispatch("u1", "2026-04", 7), Ct);

        var march = await stores.Bulletins.ListDispatchesAsync("2026-03", Ct);
        Assert.Equal([4, 2], march.OrderBy(d => d.UnitId).Select(d => d.PracticalThings));
        Assert.Equal(["修路", "装路灯"], (await stores.Bulletins.GetDispatchAsync("u1", "2026-03", Ct))?.Lines);

        var bulletin = new Bulletin("2026-03", [new BulletinRow("u1", "东县", 0.5m, 3, 4, 0.25m, 2, 1, 1, 1, 0, 4, true, 0.6125m) { Rank = 1 }], [], ["西区"], [new Text("东县 L1 逾期", "East L1 overdue")])
        {
            Notes = [new BulletinNote(new Text("诫勉 张三", "Admonished: Zhang San"), new Text("诫勉 1 人", "1 admonished"))],
            Sections = [new Text("联系点", "Contact points")],
            AsOf = "2026-04-01 09:00",
        };
        Assert.True(await stores.Bulletins.TryRecordPublishedAsync(new BulletinRecord("2026-03", "m-office", T0) { Published = bulletin }, Ct));
        Assert.False(await stores.Bulletins.TryRecordPublishedAsync(new BulletinRecord("2026-03", "m-other", T0.AddHours(1)), Ct));
        var record = await stores.Bulletins.GetPublishedAsync("2026-03", Ct);
        Assert.Equal("m-office", record?.PublishedBy);
        // The published bulletin reads back as it was: every figure, list and line, in both languages.
        Assert.Equal(bulletin.OfficeText(), record?.Published?.OfficeText());
        Assert.Equal(bulletin.OfficeText(Language.English), record?.Published?.OfficeText(Language.English));
        Assert.Equal(bulletin.PublicText(), record?.Published?.PublicText());
        Assert.Equal(bulletin.Rows, record?.Published?.Rows);
        Assert.Null(await stores.Bulletins.GetPublishedAsync("2026-04", Ct));
    }

    private static OpinionCollection NewCollection(string id, string? code) => new()
    {
        Id = id,
        UnitId = "u1",
        Audience = "code",
        Code = code,
        OpensAt = T0,
        ClosesAt = T0.AddDays(7),
        OpenedBy = "telegram:office-1",
    };

    private static Opinion NewOpinion(string id, string collectionId) => new()
    {
        Id = id,
        UnitId = "u1",
        CollectionId = collectionId,
        Source = OpinionSource.Anonymous,
        Category = "bureaucratism",
        Text = "群众反映窗口办事推诿，跑了三次才办成。",
        GivenOn = DateOnly.FromDateTime(T0.UtcDateTime),
    };

    private static LedgerItem NewItem(string id) => new()
    {
        Id = id,
        UnitId = "u1",
        Problem = "窗口办事推诿",
        Category = "bureaucratism",
        Source = ProblemSource.Opinion,
        Measures = "实行首问负责制，公开办事流程",
        LeadLeaderId = "telegram:101",
        LeadLeaderName = "李四",
        Deadline = new DateOnly(2026, 5, 31),
        CreatedBy = "telegram:100",
        CreatedAt = T0,
    };

    private static DispatchReport NewDispatch(string unit, string month, int count) => new()
    {
        UnitId = unit,
        Month = month,
        PracticalThings = count,
        Lines = ["修路", "装路灯"],
        LedgerChecked = true,
        AnsweredBy = "telegram:100",
        AnsweredAt = T0,
    };
}
