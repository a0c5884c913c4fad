namespace CampaignBot.Core.Features.Organisation;

/// <summary>An import's rows counted by what they change, with the rows that must be written (new or changed ones).</summary>
public sealed class ImportTally<T>
    where T : ImportedRecord
{
    private readonly List<T> _changed = [];

    public IReadOnlyList<T> Changed => _changed;

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    /// <summary>Counts one row against what the store holds for it (null: nothing yet).</summary>
    public void Count(T? before, T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (before is null)
        {
            Added++;
            _changed.Add(row);
        }
        else if (before.SameAs(row))
        {
            Unchanged++;
        }
        else
        {
            Updated++;
            _changed.Add(row);
        }
    }

    /// <summary>Adds a row to write that the import's rows did not name (a unit the import retires).</summary>
    public void Write(T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _changed.Add(row);
    }
}
