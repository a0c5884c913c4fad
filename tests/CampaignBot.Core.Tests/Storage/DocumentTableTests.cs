using CampaignBot.Core.Storage;
using CampaignBot.Core.Tests.Flows;

namespace CampaignBot.Core.Tests.Storage;

/// <summary>The typed view over a document table that the feature stores are written against.</summary>
public sealed class DocumentTableTests
{
    private sealed record Note(string Id, string Author, string Unit, string Body);

    private readonly InMemoryDocumentTable _raw = new();
    private readonly DocumentTable<Note> _notes;

    public DocumentTableTests() => _notes = new(_raw, n => new(n.Id, n.Author, n.Unit));

    [Fact]
    public async Task A_saved_record_reads_back_whole_and_is_filed_under_its_member_and_unit()
    {
        var note = new Note("n1", "m1", "u1", "学习笔记");
        await _notes.SaveAsync(note, CancellationToken.None);

        Assert.Equal(note, await _notes.GetAsync("n1", CancellationToken.None));
        Assert.Equal([note], await _notes.ListByMemberAsync("m1", CancellationToken.None));
        Assert.Equal([note], await _notes.ListAsync("u1", CancellationToken.None));
        Assert.Empty(await _notes.ListAsync("u2", CancellationToken.None));
        Assert.Empty(await _notes.ListByMemberAsync("m2", CancellationToken.None));
    }

    [Fact]
    public async Task Saving_again_replaces_the_record_with_the_same_id()
    {
        await _notes.SaveAsync(new Note("n1", "m1", "u1", "first"), CancellationToken.None);
        await _notes.SaveAsync(new Note("n1", "m1", "u1", "second"), CancellationToken.None);

        Assert.Equal("second", (await _notes.GetAsync("n1", CancellationToken.None))?.Body);
        Assert.Equal(1, _raw.Count);
    }

    [Fact]
    public async Task Adding_a_record_whose_id_is_taken_is_refused_and_keeps_the_first()
    {
        Assert.True(await _notes.TryAddAsync(new Note("n1", "m1", "u1", "first"), CancellationToken.None));
        Assert.False(await _notes.TryAddAsync(new Note("n1", "m2", "u2", "second"), CancellationToken.None));

        Assert.Equal("first", (await _notes.GetAsync("n1", CancellationToken.None))?.Body);
    }

    [Fact]
    public async Task Saving_many_files_each_record_and_listing_without_a_unit_returns_all_by_id()
    {
        await _notes.SaveManyAsync([new Note("b", "m1", "u2", "2"), new Note("a", "m2", "u1", "1")], CancellationToken.None);

        Assert.Equal(["a", "b"], (await _notes.ListAsync(null, CancellationToken.None)).Select(n => n.Id));
        Assert.Equal("b", Assert.Single(await _notes.ListAsync("u2", CancellationToken.None)).Id);
    }

    [Fact]
    public async Task A_record_the_tables_check_refuses_is_not_written_by_save_add_or_save_many()
    {
        var checkedNotes = new DocumentTable<Note>(_raw, n => new(n.Id, n.Author, n.Unit), n => ArgumentException.ThrowIfNullOrWhiteSpace(n.Body, nameof(n)));
        var blank = new Note("n1", "m1", "u1", " ");

        await Assert.ThrowsAsync<ArgumentException>(() => checkedNotes.SaveAsync(blank, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => checkedNotes.TryAddAsync(blank, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => checkedNotes.SaveManyAsync([new Note("n2", "m1", "u1", "fine"), blank], CancellationToken.None));

        Assert.Equal(0, _raw.Count);
        await checkedNotes.SaveAsync(blank with { Body = "学习笔记" }, CancellationToken.None);
        Assert.Equal(1, _raw.Count);
    }

    [Fact]
    public async Task A_missing_id_reads_as_null()
    {
        Assert.Null(await _notes.GetAsync("nothing", CancellationToken.None));
    }
}
