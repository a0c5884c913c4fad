return await CampaignBotCli.RunAsync(args);
