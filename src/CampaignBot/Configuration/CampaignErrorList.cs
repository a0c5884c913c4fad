using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>Collects every problem of one file so that the campaign office sees them all at once.</summary>
internal sealed class CampaignErrorList(string source)
{
    private readonly List<CampaignConfigError> errors = [];

    public string Source => source;

    public int Count => errors.Count;

    public void Add(YamlNode node, string message) => Add(node.Start, message);

    public void Add(Mark mark, string message) =>
        errors.Add(new CampaignConfigError(source, checked((int)mark.Line), checked((int)mark.Column), message));

    public void AddForFile(string message) => errors.Add(new CampaignConfigError(source, null, null, message));

    public void AddAtLine(int line, string message) => errors.Add(new CampaignConfigError(source, line, 1, message));

    public CampaignConfigException ToException() =>
        new(source, errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0).ToList());
}
