using System.Security.Cryptography;
using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Core.Features.Opinions;

/// <summary>Settings of section "Opinions". The secret comes from the environment (Opinions__Secret), never from a file in the repository.</summary>
public sealed class OpinionOptions
{
    public const string SectionName = "Opinions";

    /// <summary>Key of the HMAC over (collection, giver) that limits one person's opinions per collection; Evaluation:BallotSecret when unset.</summary>
    public string? Secret { get; set; }

    /// <summary>How many opinions one person may give in one collection.</summary>
    public int MaxPerGiver { get; set; } = 5;

    public int MinLength { get; set; } = 10;

    public int MaxLength { get; set; } = 1000;

    /// <summary>A roster collection skips people asked in another collection within this many days (防止重复征求意见).</summary>
    public int RepeatAskDays { get; set; } = 30;

    /// <summary>How long a collection stays open when /opinions open names no days.</summary>
    public int DefaultDays { get; set; } = 7;

    /// <summary>The evaluation stage (查摆问题评议) whose ballot shows the problems found.</summary>
    public string BriefingStage { get; set; } = "problems_found";
}

public sealed class OpinionOptionsValidator : IValidateOptions<OpinionOptions>
{
    public ValidateOptionsResult Validate(string? name, OpinionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Secret) && options.Secret.Trim().Length < EvaluationOptions.MinimumSecretLength)
        {
            errors.Add($"Opinions:Secret must be at least {EvaluationOptions.MinimumSecretLength} characters (set it in the environment as Opinions__Secret).");
        }

        if (options.MaxPerGiver is < 1 or > 100)
        {
            errors.Add("Opinions:MaxPerGiver must be between 1 and 100.");
        }

        if (options.MinLength < 1 || options.MaxLength > 1500 || options.MinLength > options.MaxLength)
        {
            errors.Add("Opinions:MinLength and Opinions:MaxLength must satisfy 1 ≤ MinLength ≤ MaxLength ≤ 1500.");
        }

        if (options.RepeatAskDays is < 0 or > 365)
        {
            errors.Add("Opinions:RepeatAskDays must be between 0 and 365.");
        }

        if (options.DefaultDays is < 1 or > 90)
        {
            errors.Add("Opinions:DefaultDays must be between 1 and 90.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>HMAC-SHA256 of (collection, giver) under Opinions:Secret, or Evaluation:BallotSecret when that is unset.</summary>
public sealed class OpinionGiverHasher(IOptions<OpinionOptions> options, IOptions<EvaluationOptions> evaluation)
{
    private readonly byte[]? _key = (!string.IsNullOrWhiteSpace(options.Value.Secret) ? options.Value.Secret : evaluation.Value.BallotSecret) is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret) : null;

    public bool IsConfigured => _key is not null;

    public string Hash(string collectionId, string giverId)
    {
        if (_key is null)
        {
            throw new InvalidOperationException("Neither Opinions:Secret nor Evaluation:BallotSecret is set; anonymous opinions cannot be taken.");
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(collectionId + "\n" + giverId)));
    }
}
