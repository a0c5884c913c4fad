using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Hosting;

/// <summary>
/// The one check that a notice one person's action sends to another person's private chat waits out the quiet hours
/// (22:00–08:00 in Beijing, the shipped default): used by every host harness on a fake clock.
/// </summary>
internal static class NightNotice
{
    /// <summary>Beijing's offset from UTC: the shipped campaign's zone (Asia/Shanghai) has no summer time.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Moves the clock forward to the next time it is <paramref name="time"/> in Beijing.</summary>
    public static void MoveToBeijing(FakeTimeProvider clock, TimeOnly time)
    {
        var local = clock.GetUtcNow().ToOffset(Beijing);
        var at = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime), time, Beijing);
        clock.SetUtcNow(at > local ? at : at.AddDays(1));
    }

    /// <summary>
    /// Does <paramref name="act"/> at 23:30 Beijing and checks that its notice to <paramref name="other"/> waits for the end of
    /// the quiet hours: the actor's reply comes at once, the notice is not sent at once nor at 07:58, is sent at 08:00, once,
    /// and not again an hour later. <paramref name="act"/> returns the actor's reply and everything sent while it ran;
    /// <paramref name="deliver"/> sends what is due now and returns it. Returns the actor's reply.
    /// </summary>
    public static async Task<string> HeldUntilMorningAsync(
        FakeTimeProvider clock,
        Func<Task<IEnumerable<(ChatRef Chat, string Text)>>> deliver,
        ChatRef other,
        string notice,
        Func<Task<(string Reply, IEnumerable<(ChatRef Chat, string Text)> Sent)>> act)
    {
        MoveToBeijing(clock, new TimeOnly(23, 30));
        var (reply, sent) = await act();
        Assert.False(string.IsNullOrWhiteSpace(reply), "the actor's own reply goes at once, quiet hours or not");
        Assert.True(Count(sent, other, notice) == 0, $"at 23:30 the notice \"{notice}\" should wait for the morning");

        MoveToBeijing(clock, new TimeOnly(7, 58));
        Assert.True(Count(await deliver(), other, notice) == 0, $"at 07:58 the notice \"{notice}\" should still wait");

        MoveToBeijing(clock, new TimeOnly(8, 0));
        var morning = Count(await deliver(), other, notice);
        Assert.True(morning == 1, $"at 08:00 the notice \"{notice}\" should be sent once; it was sent {morning} times");

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(Count(await deliver(), other, notice) == 0, $"the notice \"{notice}\" should not be sent again");
        return reply;
    }

    private static int Count(IEnumerable<(ChatRef Chat, string Text)> sent, ChatRef chat, string notice) =>
        sent.Count(s => s.Chat.Key == chat.Key && s.Text.Contains(notice, StringComparison.Ordinal));
}
