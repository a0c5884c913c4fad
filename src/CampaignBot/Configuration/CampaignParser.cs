using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>Turns the parsed YAML tree into a <see cref="CampaignDefinition"/>, collecting every error on the way.</summary>
internal static class CampaignParser
{
    /// <summary>The definition, or null when <paramref name="errors"/> holds at least one error.</summary>
    public static CampaignDefinition? Parse(YamlNode root, CampaignErrorList errors)
    {
        if (CampaignYamlMap.From(root, string.Empty, errors) is not { } top)
        {
            return null;
        }

        var header = CampaignHeader.Read(top, errors);
        var phases = CampaignSections.ReadPhases(top, errors);
        var ranks = CampaignSections.ReadRanks(top, errors);
        var roles = CampaignSections.ReadRoles(top, errors);
        var kindCodes = new HashSet<string>(StringComparer.Ordinal);
        var kinds = CampaignSections.ReadUnitKinds(top, errors, kindCodes);
        var units = CampaignUnitTree.Read(top, header, kinds, kindCodes, phases, errors);
        var fourWinds = CampaignLists.ReadCatalogue(top, "four_winds", errors);
        var problemAreas = CampaignLists.ReadCatalogue(top, "problem_areas", errors);
        var focuses = CampaignLists.ReadCatalogue(top, "focuses", errors);
        var references = CampaignLists.ReadCatalogue(top, "references", errors);
        var studyTopics = CampaignLists.ReadCatalogue(top, "study_topics", errors);
        var pledgeAreas = CampaignLists.ReadCatalogue(top, "pledge_areas", errors);
        var evaluation = CampaignEvaluationSection.Read(top, errors);
        var visitWindows = CampaignVisitWindows.Read(top, header, errors);
        var checklists = CampaignChecklistSection.Read(top, ranks, kinds, errors);
        var lifeMeeting = CampaignLifeMeetingSection.Read(top, evaluation, errors);
        top.RejectUnknownKeys();

        if (errors.Count > 0 || header is null || evaluation is null)
        {
            return null;
        }

        return new CampaignDefinition
        {
            Name = header.Name,
            TimeZone = header.TimeZone,
            Start = header.Start,
            End = header.End,
            MinimumUnitMonths = header.MinimumUnitMonths,
            Phases = phases,
            Ranks = ranks,
            Roles = roles,
            UnitKinds = kinds,
            Units = units,
            FourWinds = fourWinds,
            ProblemAreas = problemAreas,
            Focuses = focuses,
            References = references,
            StudyTopics = studyTopics,
            PledgeAreas = pledgeAreas,
            Evaluation = evaluation,
            VisitWindows = visitWindows,
            Checklists = checklists,
            LifeMeeting = lifeMeeting,
        };
    }
}
