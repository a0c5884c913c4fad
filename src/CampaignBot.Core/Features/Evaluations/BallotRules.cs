namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Argument checks every ballot store applies, so bad input is a clear error on both stores.</summary>
public static class BallotRules
{
    /// <summary>A voter hash is a hex HMAC-SHA256 (64 characters); anything else could be a user id slipping in.</summary>
    public static void Check(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentException.ThrowIfNullOrWhiteSpace(ballot.RoundId, nameof(ballot));
        ArgumentException.ThrowIfNullOrWhiteSpace(ballot.Choice, nameof(ballot));
        if (ballot.VoterHash is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A ballot's voter hash must be 64 lower-case hex characters (HMAC-SHA256).", nameof(ballot));
        }
    }
}
