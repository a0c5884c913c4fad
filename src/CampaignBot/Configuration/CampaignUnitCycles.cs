namespace CampaignBot.Configuration;

/// <summary>Finds loops in the parent links (a unit that is, through its parents, its own superior).</summary>
internal static class CampaignUnitCycles
{
    /// <summary>Reports each loop once and returns the ids of every unit in a loop or below one.</summary>
    public static HashSet<string> Find(List<CampaignRawUnit> units, Dictionary<string, CampaignRawUnit> byId, CampaignErrorList errors)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var path = new List<CampaignRawUnit>();
            var current = unit;
            while (current is not null && !done.Contains(current.Id) && !path.Contains(current))
            {
                path.Add(current);
                current = current.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null;
            }

            var reachesLoop = current is not null && (path.Contains(current) || broken.Contains(current.Id));
            if (current is not null && path.Contains(current))
            {
                Report(path.Skip(path.IndexOf(current)).ToList(), errors);
            }

            foreach (var member in path)
            {
                done.Add(member.Id);
                if (reachesLoop)
                {
                    broken.Add(member.Id);
                }
            }
        }

        return broken;
    }

    private static void Report(List<CampaignRawUnit> loop, CampaignErrorList errors)
    {
        // Name the loop from the unit written first in the file, so the message matches what the office sees first.
        var first = loop.OrderBy(u => u.Map.Node.Start.Line).First();
        var at = loop.IndexOf(first);
        var ordered = loop.Skip(at).Concat(loop.Take(at)).Select(u => u.Id).Append(first.Id);
        var node = first.Map.Find("parent") ?? first.Map.Node;
        errors.Add(node, $"单位的上下级形成了循环：{string.Join(" → ", ordered)}（箭头指向上级）；请检查这些单位的 parent。");
    }
}
