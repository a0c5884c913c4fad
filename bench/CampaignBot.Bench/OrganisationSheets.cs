using System.Globalization;
using CampaignBot.Features.Organisation;

namespace CampaignBot.Bench;

/// <summary>
/// Writes a city's unit and member spreadsheets the way an organisation department keeps them: counties under the
/// sample campaign's city, townships under counties, villages under townships; members spread over them, most with a
/// WeCom userid, some with a phone number or a Telegram username, a few mobile members (流动党员) hosted elsewhere.
/// </summary>
public static class OrganisationSheets
{
    public static readonly string[] UnitHeaders = ["单位ID", "单位名称", "类型", "上级单位ID", "开始日期或天数", "关联群", "企业微信部门ID"];

    public static readonly string[] MemberHeaders = ["姓名", "单位ID", "职级", "角色", "手机号", "企业微信账号", "Telegram用户名", "流入地单位ID"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建国", "志强", "海燕"];

    /// <summary>Writes units.xlsx and members.xlsx into <paramref name="folder"/>; returns their paths.</summary>
    public static (string Units, string Members) Write(string folder, int unitCount, int memberCount, string extension = ".xlsx")
    {
        var units = Units(unitCount);
        var unitsPath = Path.Combine(folder, "units" + extension);
        var membersPath = Path.Combine(folder, "members" + extension);
        SpreadsheetFile.Write(unitsPath, UnitHeaders, units.Select(u => (IReadOnlyList<object?>)[u.Id, u.Name, u.Kind, u.Parent, null, null, u.Department]));
        SpreadsheetFile.Write(membersPath, MemberHeaders, Members(units, memberCount));
        return (unitsPath, membersPath);
    }

    /// <summary>The templates shipped in config/templates: the headers and one example row each.</summary>
    public static void WriteTemplates(string folder)
    {
        SpreadsheetFile.Write(Path.Combine(folder, "units.xlsx"), UnitHeaders, [["town_example", "示例镇", "乡镇街道", "county_east", "15", "示例镇党委群", "1001"]]);
        SpreadsheetFile.Write(Path.Combine(folder, "units.csv"), UnitHeaders, [["town_example", "示例镇", "乡镇街道", "county_east", "15", "示例镇党委群", "1001"]]);
        SpreadsheetFile.Write(Path.Combine(folder, "members.xlsx"), MemberHeaders, [["张三", "county_east", "乡科级干部", "党员", "13800138000", "zhangsan", null, null]]);
    }

    private static List<(string Id, string Name, string Kind, string Parent, string Department)> Units(int count)
    {
        // Roughly 1 county : 4 townships : 20 villages, so 500 units are 20 counties, 80 townships and 400 villages.
        var counties = Math.Max(1, count / 25);
        var townships = Math.Max(1, count / 25 * 4);
        var list = new List<(string, string, string, string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("D3", CultureInfo.InvariantCulture);
            if (i < counties)
            {
                list.Add(($"c{n}", $"第{i + 1}县", "county", "city", $"{10_000 + i}"));
            }
            else if (i < counties + townships)
            {
                var parent = (i - counties) % counties;
                list.Add(($"t{n}", $"第{parent + 1}县第{i}镇", "township", $"c{parent:D3}", $"{10_000 + i}"));
            }
            else
            {
                var parent = counties + ((i - counties - townships) % townships);
                list.Add(($"v{n}", $"第{i}村", "village", $"t{parent:D3}", $"{10_000 + i}"));
            }
        }

        return list;
    }

    private static IEnumerable<IReadOnlyList<object?>> Members(List<(string Id, string Name, string Kind, string Parent, string Department)> units, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var unit = units[i % units.Count];
            var name = Surnames[i % Surnames.Length] + Given[(i / Surnames.Length) % Given.Length] + (i / (Surnames.Length * Given.Length) is var k and > 0 ? k.ToString(CultureInfo.InvariantCulture) : string.Empty);
            var rank = unit.Kind == "county" && i % 10 == 0 ? "县处级以上领导干部" : i % 5 == 0 ? "乡科级干部" : "普通党员";
            var role = i < units.Count ? "支部书记" : "党员";
            var host = i % 50 == 7 ? units[(i + 17) % units.Count].Id : null;
            yield return (i % 10) switch
            {
                < 6 => [name, unit.Id, rank, role, null, $"u{i:D6}", null, host],
                < 9 => [name, unit.Id, rank, role, $"139{i:D8}", null, null, host],
                _ => [name, unit.Id, rank, role, null, null, $"tg_member_{i:D6}", host],
            };
        }
    }
}
