using Thirty3.Connectors;

var builder = Host.CreateApplicationBuilder(args);
builder.AddConnectors();
using var host = builder.Build();
return await ConnectorCommands.RunAsync(host, args);
