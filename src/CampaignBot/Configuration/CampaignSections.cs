namespace CampaignBot.Configuration;

/// <summary>Readers for the small sections: phases, ranks, roles and unit kinds.</summary>
internal static class CampaignSections
{
    public static List<PhaseDefinition> ReadPhases(CampaignYamlMap top, CampaignErrorList errors) =>
        CampaignLists.Read(top, "phases", "code", item =>
        {
            var code = item.Text("code");
            var name = item.Text("name");
            var days = item.Int("days", minimum: 1);
            var english = item.EnglishName();
            return code is null || name is null || days is null ? null : new PhaseDefinition(code, name, days.Value) { EnglishName = english };
        }, errors);

    public static List<RankDefinition> ReadRanks(CampaignYamlMap top, CampaignErrorList errors) =>
        CampaignLists.Read(top, "ranks", "code", item =>
        {
            var code = item.Text("code");
            var name = item.Text("name");
            var study = item.IntOrNull("study_days", minimum: 0);
            var research = item.IntOrNull("field_research_days", minimum: 0);
            var visits = item.IntOrNull("household_visits", minimum: 0);
            var english = item.EnglishName();
            return code is null || name is null ? null : new RankDefinition(code, name, study, research, visits) { EnglishName = english };
        }, errors);

    public static List<RoleDefinition> ReadRoles(CampaignYamlMap top, CampaignErrorList errors)
    {
        var roles = CampaignLists.Read(top, "roles", "code", item =>
        {
            var code = item.Text("code");
            var name = item.Text("name");
            var english = item.EnglishName();
            return code is null || name is null ? null : new RoleDefinition(code, name) { EnglishName = english };
        }, errors);

        // The program checks these four codes before it acts, so none of them may be missing.
        string[] needed = [Roles.CampaignOffice, Roles.Supervisor, Roles.Secretary, Roles.Member];
        var missing = needed.Where(code => roles.Count > 0 && roles.All(r => r.Code != code)).ToList();
        if (missing.Count > 0 && top.Find("roles") is { } node)
        {
            errors.Add(node, $"roles 缺少程序要用的角色：{string.Join("、", missing)}（四个角色 office、supervisor、secretary、member 都要有）。");
        }

        return roles;
    }

    public static List<UnitKindDefinition> ReadUnitKinds(CampaignYamlMap top, CampaignErrorList errors, ISet<string> written) =>
        CampaignLists.Read(top, "unit_kinds", "code", item =>
        {
            var code = item.Text("code");
            var name = item.Text("name");
            var offset = item.Int("start_offset_days", minimum: 0);
            var writesReport = item.Bool("writes_report");
            var english = item.EnglishName();
            return code is null || name is null || offset is null || writesReport is null
                ? null
                : new UnitKindDefinition(code, name, offset.Value, writesReport.Value) { EnglishName = english };
        }, errors, written);
}
