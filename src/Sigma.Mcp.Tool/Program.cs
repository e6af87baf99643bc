using Sigma.Mcp.Tool.Cli;

return await CliApp.RunAsync(args);
