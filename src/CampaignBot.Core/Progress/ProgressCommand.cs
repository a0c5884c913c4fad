using CampaignBot.Core.Conversations;
using CampaignBot.Core.Members;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Progress;

/// <summary>
/// /progress: members see their own, a secretary their unit per member, the office and supervisors every unit
/// (or one unit: /progress &lt;unit id&gt;). Joins what each <see cref="IProgressSection"/> renders.
/// </summary>
public sealed class ProgressCommand(IEnumerable<IProgressSection> sections) : ICommandHandler
{
    private readonly IReadOnlyList<IProgressSection> _sections = [.. sections.OrderBy(s => s.Order)];

    public string Command => "progress";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Member is not { } viewer)
        {
            context.Reply("你还没有注册。发送 /start 注册后再查看进度。", "You are not registered yet; send /start first.");
            return;
        }

        var argument = (context.Update.Content as CommandInput)?.Arguments.Trim() ?? string.Empty;
        var overseer = viewer.Role is Roles.CampaignOffice or Roles.Supervisor;
        if (argument.Length > 0 && !overseer)
        {
            context.Reply("只有活动办和督导组可以查看其他单位的进度。发送 /progress 查看本人或本单位的进度。", "Only the campaign office and supervisors can see other units. Send /progress for your own.");
            return;
        }

        if (argument.Length > 0 && context.Campaign.FindUnit(argument) is null)
        {
            var known = string.Join("、", context.Campaign.Units.Take(20).Select(u => u.Id));
            context.Reply($"没有代号为“{(argument.Length > 20 ? argument[..20] : argument)}”的单位。可用代号：{known}", $"There is no unit \"{(argument.Length > 20 ? argument[..20] : argument)}\". Known ids: {known}");
            return;
        }

        var (unit, scope) = argument.Length > 0 ? (argument, ProgressScope.Unit)
            : overseer ? (null, ProgressScope.AllUnits)
            : viewer.Role == Roles.Secretary ? (viewer.UnitId, ProgressScope.Unit)
            : (viewer.UnitId, ProgressScope.Own);
        var parts = new List<string>();
        foreach (var section in _sections)
        {
            if (await section.RenderAsync(viewer, unit, scope, context.Language, cancellationToken) is { Length: > 0 } text)
            {
                parts.Add(text);
            }
        }

        context.Reply(new TextMessage(parts.Count > 0 ? string.Join("\n\n", parts) : context.Text("暂无进度信息。", "No progress to show yet.")));
    }
}
