using Djpk.Metrics.Tool;

return Cli.Run(args, Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
