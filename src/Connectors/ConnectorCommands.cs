using System.Text.Json;
using Microsoft.Extensions.Options;
using Thirty3.Connectors.OcdsFolder;
using Thirty3.Connectors.Scheduling;
using Thirty3.Domain;

namespace Thirty3.Connectors;

/// <summary>
/// The command line: no command runs the scheduler; <c>run &lt;source&gt;</c> runs one source once;
/// <c>load &lt;folder&gt; [--source name]</c> bulk-loads OCDS files.
/// </summary>
public static class ConnectorCommands
{
    public static async Task<int> RunAsync(IHost host, string[] args)
    {
        switch (args)
        {
            case ["run", var name, ..]:
            {
                _ = host.Services.GetRequiredService<IOptions<ConnectorsOptions>>().Value; // fail fast on bad settings
                var status = await host.Services.GetRequiredService<SourceRunner>().RunOnceAsync(name, CancellationToken.None);
                Console.WriteLine(JsonSerializer.Serialize(status, new JsonSerializerOptions(DirectoryJson.Options) { WriteIndented = true }));
                return status.LastError is null ? 0 : 1;
            }
            case ["load", var folder, .. var rest]:
            {
                var source = rest is ["--source", var named, ..] ? named : "bulk-load";
                var (fetched, accepted, rejected, failed) = await host.Services.GetRequiredService<BulkLoad>().RunAsync(folder, source, CancellationToken.None);
                Console.WriteLine($"{source}: {fetched} releases read, {accepted} accepted, {rejected} rejected, {failed} unreadable file(s).");
                return failed == 0 ? 0 : 1;
            }
            case ["run" or "load", ..]:
                Console.Error.WriteLine("usage: run <source> | load <folder> [--source name]");
                return 2;
            default:
                await host.RunAsync();
                return 0;
        }
    }
}
