using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>The "Inspections" section: which units a draw leaves out.</summary>
public sealed class InspectionOptions
{
    public const string SectionName = "Inspections";

    /// <summary>Units drawn in an inspection within this many weeks are not drawn again (0: none left out).</summary>
    [Range(0, 52)]
    public int ExcludeWeeks { get; set; } = 8;
}
