using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Settings of section "Evaluation". The ballot secret comes from the environment (Evaluation__BallotSecret), never from a file in the repository.</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluation";

    public const int MinimumSecretLength = 16;

    /// <summary>Key of the HMAC that turns (round, voter) into a ballot's voter hash. Without it, rounds cannot be opened or voted in.</summary>
    public string? BallotSecret { get; set; }

    /// <summary>Whether a secretary may open and close rounds for their own unit (the office always may).</summary>
    public bool SecretariesMayOpen { get; set; }

    /// <summary>The group message of a round is edited at most once per this many seconds (Telegram allows 20 messages a minute per group).</summary>
    public int LiveUpdateSeconds { get; set; } = 10;

    /// <summary>How long before closing the roster evaluators who have not voted are reminded.</summary>
    public TimeSpan ReminderBeforeClose { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a round stays open when /round open names no hours.</summary>
    public int DefaultHours { get; set; } = 24;

    public bool IsConfigured => !string.IsNullOrEmpty(BallotSecret);
}

/// <summary>A wrong evaluation setting stops start-up with a sentence naming it; the secret's value is never shown.</summary>
public sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BallotSecret is { } secret && secret.Trim().Length < EvaluationOptions.MinimumSecretLength)
        {
            errors.Add($"Evaluation:BallotSecret must be at least {EvaluationOptions.MinimumSecretLength} characters (set it in the environment as Evaluation__BallotSecret).");
        }

        if (options.LiveUpdateSeconds is < 3 or > 3600)
        {
            errors.Add("Evaluation:LiveUpdateSeconds must be between 3 and 3600.");
        }

        if (options.ReminderBeforeClose <= TimeSpan.Zero)
        {
            errors.Add("Evaluation:ReminderBeforeClose must be a positive time span such as 02:00:00.");
        }

        if (options.DefaultHours is < 1 or > 24 * 60)
        {
            errors.Add("Evaluation:DefaultHours must be between 1 and 1440.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Turns (round, voter) into the voter hash a ballot stores: HMAC-SHA256 under the ballot secret, lower-case hex.</summary>
public sealed class BallotHasher(IOptions<EvaluationOptions> options)
{
    private readonly byte[]? _key = options.Value.IsConfigured ? Encoding.UTF8.GetBytes(options.Value.BallotSecret!) : null;

    public bool IsConfigured => _key is not null;

    public string Hash(string roundId, string voterId)
    {
        if (_key is null)
        {
            throw new InvalidOperationException("Evaluation:BallotSecret is not set; ballots cannot be cast.");
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(roundId + "\n" + voterId)));
    }

    /// <summary>A time to the hour: a ballot carries its round's opening hour, never when it was cast.</summary>
    public static DateTimeOffset Coarse(DateTimeOffset at) => new(at.UtcDateTime.Date.AddHours(at.UtcDateTime.Hour), TimeSpan.Zero);
}
