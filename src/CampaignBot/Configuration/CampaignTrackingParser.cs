using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignBot.Configuration;

/// <summary>
/// Remembers where the last well-parsed event ended, because on some malformed input YamlDotNet throws
/// an exception without a position (seen: a stray "{" on its own line) and the office still needs a line.
/// </summary>
internal sealed class CampaignTrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = new(0, 1, 1);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGood = current.End;
        }

        return inner.MoveNext();
    }
}
