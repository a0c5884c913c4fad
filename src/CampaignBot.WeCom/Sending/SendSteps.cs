using System.Collections.Concurrent;

namespace CampaignBot.WeCom.Sending;

/// <summary>
/// One outbox message can take several WeCom calls (text pieces, a card update and its notice). When a later call is
/// throttled or fails, the outbox sends the message again; the calls that went through on an earlier attempt are
/// skipped, so the member never gets a piece twice. Kept in memory: after a restart a retried message starts over.
/// </summary>
internal sealed class SendSteps
{
    private readonly ConcurrentDictionary<string, int> passed;
    private readonly string outboxId;
    private readonly int earlier;
    private int position;

    public SendSteps(ConcurrentDictionary<string, int> passed, string outboxId)
    {
        this.passed = passed;
        this.outboxId = outboxId;
        earlier = passed.GetValueOrDefault(outboxId);
    }

    /// <summary>True, and moves past it, when the next call went through on an earlier attempt.</summary>
    public bool Skip()
    {
        if (position >= earlier)
        {
            return false;
        }

        position++;
        return true;
    }

    /// <summary>The next call went through.</summary>
    public void Passed() => passed[outboxId] = ++position;
}
