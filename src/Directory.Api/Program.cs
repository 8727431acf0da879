using Thirty3.DirectoryApi;
using Thirty3.DirectoryApi.Cli;

var builder = WebApplication.CreateBuilder(args);
if (DirectoryCli.IsCommand(args))
{
    // Commands print results on stdout for scripts; logs must not mix in.
    builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}
builder.AddDirectory();
var app = builder.Build();

if (DirectoryCli.IsCommand(args))
{
    return await DirectoryCli.RunAsync(app, args);
}

app.MapDirectory();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
