using Proposals.Worker.Cli;

System.Console.OutputEncoding = System.Text.Encoding.UTF8;
return await ProposalsCommand.RunAsync(args, Proposals.Worker.Cli.Console.System);
