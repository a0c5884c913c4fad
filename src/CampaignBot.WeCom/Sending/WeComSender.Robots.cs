namespace CampaignBot.WeCom.Sending;

/// <summary>Group chats are reached through their group robot (群机器人), named in WeCom:GroupRobots.</summary>
public sealed partial class WeComSender
{
    private async Task<SendResult> SendToGroupAsync(string robotName, Outbound body, SendSteps steps, CancellationToken cancellationToken)
    {
        if (!options.Value.GroupRobots.TryGetValue(robotName, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return new SendRejected($"No WeCom group robot is configured under WeCom:GroupRobots:{robotName}.");
        }

        switch (body)
        {
            case TextMessage or EditMessage:
                var text = body is TextMessage t ? t.Text : ((EditMessage)body).Text;
                foreach (var chunk in WeComMessages.Chunks(text))
                {
                    if (steps.Skip())
                    {
                        continue;
                    }

                    if (Classify(await api.SendRobotAsync(key, WeComMessages.RobotText(chunk), cancellationToken)) is { } failure)
                    {
                        return failure;
                    }

                    steps.Passed();
                }

                return SendResult.Sent(null);
            case PhotoMessage photo when photo.Content.Length <= MaxRobotImageBytes:
                return Classify(await api.SendRobotAsync(key, WeComMessages.RobotImage(photo.Content), cancellationToken)) ?? SendResult.Sent(null);
            case CallbackAnswer:
                return SendResult.Sent(null);
            default:
                return new SendRejected($"A WeCom group robot cannot send a {body.GetType().Name} (text and images up to 2 MB only).");
        }
    }
}
