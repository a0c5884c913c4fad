using CampaignBot.Core.Features.Opinions;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>Draws inspections: the candidates, the exclusion of recently drawn units, a fresh seed, the recorded draw.</summary>
public sealed class InspectionService(IInspectionStore store, CampaignDefinition campaign, CampaignCalendar calendar, IOptions<InspectionOptions> options)
{
    /// <summary>
    /// Draws <paramref name="count"/> units of the kinds (every kind when empty). The id comes from <paramref name="seed"/> (the
    /// update id), so a re-run update shows the inspection it drew the first time instead of drawing again.
    /// </summary>
    public async Task<(Inspection? Inspection, Text? Refusal)> DrawAsync(Member by, IReadOnlyList<string> kinds, int count, string seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(kinds);
        if (count < InspectionDraw.MinimumUnits)
        {
            return (null, InspectionTexts.AtLeastFive(InspectionDraw.MinimumUnits));
        }

        var id = "I" + OpinionCodes.From("inspection/" + seed, 6);
        if (await store.GetAsync(id, cancellationToken) is { } earlier)
        {
            return (earlier, null);
        }

        var weeks = options.Value.ExcludeWeeks;
        var since = now.AddDays(-7 * weeks);
        var recent = weeks == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : (await store.ListAsync(cancellationToken)).Where(i => i.DrawnAt > since).SelectMany(i => i.Units).ToHashSet(StringComparer.Ordinal);
        var (candidates, excluded) = InspectionDraw.Candidates(campaign, kinds, calendar.Today(now), recent);
        if (candidates.Count < count)
        {
            return (null, InspectionTexts.TooFewCandidates(candidates.Count, count, excluded.Count, weeks));
        }

        var drawSeed = InspectionDraw.NewSeed();
        var inspection = new Inspection
        {
            Id = id,
            Kinds = kinds,
            Count = count,
            Seed = drawSeed,
            Candidates = candidates,
            Excluded = excluded,
            ExcludeWeeks = weeks,
            Units = InspectionDraw.Draw(candidates, drawSeed, count),
            DrawnBy = by.Id,
            DrawnByName = by.Name,
            DrawnAt = now,
        };
        if (!await store.CreateAsync(inspection, cancellationToken))
        {
            return (await store.GetAsync(id, cancellationToken), null);
        }

        return (inspection, null);
    }

    /// <summary>Unit kind codes or names ("county", "县区") and a count; null kinds and a refusal when a word is neither.</summary>
    public (IReadOnlyList<string>? Kinds, int Count, Text? Refusal) ParseDraw(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var kinds = new List<string>();
        var count = InspectionDraw.MinimumUnits;
        foreach (var word in words)
        {
            if (int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && word.Length <= 4)
            {
                count = n;
            }
            else if (word is "all" or "全部")
            {
                kinds.Clear();
            }
            else if (campaign.UnitKinds.FirstOrDefault(k => k.Code == word || k.IsCalled(word)) is { } kind)
            {
                if (!kinds.Contains(kind.Code))
                {
                    kinds.Add(kind.Code);
                }
            }
            else
            {
                return (null, 0, InspectionTexts.UnknownKind(word.Length <= 24 ? word : word[..24] + "…", new Text(string.Join("、", campaign.UnitKinds.Select(k => $"{k.Code}（{k.Name}）")), string.Join(", ", campaign.UnitKinds.Select(k => $"{k.Code} ({k.NameIn(Language.English)})")))));
            }
        }

        return (kinds, count, null);
    }
}
